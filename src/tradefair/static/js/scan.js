// Badge scanning: a USB or Bluetooth scanner types the code into the focused field and presses
// Enter, which sends the form. "Use the camera" reads QR codes with the vendored jsQR instead.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("[data-scan-form]");
  if (!form) return;
  const field = form.querySelector("[data-scan-code]");
  field?.focus();
  const start = form.querySelector("[data-camera]");
  const video = form.querySelector("video");
  if (!start || !video || !navigator.mediaDevices?.getUserMedia || typeof jsQR !== "function") {
    if (start) start.hidden = true;
    return;
  }
  const canvas = document.createElement("canvas");
  let stream = null;
  const stop = () => { stream?.getTracks().forEach((t) => t.stop()); stream = null; video.hidden = true; };
  const look = () => {
    if (!stream) return;
    if (video.readyState === video.HAVE_ENOUGH_DATA) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      const context = canvas.getContext("2d", { willReadFrequently: true });
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const found = jsQR(context.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
      if (found?.data) {
        field.value = found.data;
        stop();
        form.requestSubmit();
        return;
      }
    }
    requestAnimationFrame(look);
  };
  start.addEventListener("click", async () => {
    if (stream) { stop(); return; }
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    } catch (error) {
      start.insertAdjacentHTML("afterend", `<p class="error" role="alert">${start.dataset.denied}</p>`);
      return;
    }
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    requestAnimationFrame(look);
  });
});
