// The application form's "Add a person": a copy of the formset's empty form, numbered next.
document.addEventListener("DOMContentLoaded", () => {
  for (const box of document.querySelectorAll("[data-people]")) {
    const button = box.querySelector("[data-add-person]");
    const template = box.querySelector("template[data-empty-person]");
    const total = box.querySelector("input[name$='-TOTAL_FORMS']");
    const most = box.querySelector("input[name$='-MAX_NUM_FORMS']");
    if (!button || !template || !total) continue;
    const update = () => { button.hidden = most && Number(total.value) >= Number(most.value); };
    button.addEventListener("click", () => {
      const n = Number(total.value);
      const html = template.innerHTML.replaceAll("__prefix__", String(n));
      button.insertAdjacentHTML("beforebegin", html);
      total.value = String(n + 1);
      update();
      const people = box.querySelectorAll("[data-person]");
      people[people.length - 1].querySelector("input")?.focus();
    });
    update();
  }
});
