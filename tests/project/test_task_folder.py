"""The embedded task queue hands the worker whole messages, never one still being written."""

import json

import pytest
from kombu import Connection
from kombu.transport import filesystem
from kombu.transport.virtual import Empty

from tradefair import task_folder


def _connection(folder, transport) -> Connection:
    folder.mkdir(exist_ok=True)
    return Connection(
        "filesystem://",
        transport=transport,
        transport_options={
            "data_folder_in": str(folder),
            "data_folder_out": str(folder),
            "control_folder": str(folder.parent / "control"),
        },
    )


def test_a_message_goes_through_the_folder_whole_and_in_order(tmp_path):
    with _connection(tmp_path / "queue", task_folder.Transport) as conn:
        queue = conn.SimpleQueue("runs")
        for run in (1, 2, 3):
            queue.put({"run": run})
        got = [queue.get(timeout=5) for _ in range(3)]
        assert [message.payload for message in got] == [{"run": 1}, {"run": 2}, {"run": 3}]
        for message in got:
            message.ack()
        queue.close()
    assert list((tmp_path / "queue").iterdir()) == []


def test_a_worker_polling_while_a_message_is_written_finds_nothing_yet(tmp_path, monkeypatch):
    """Kombu's own transport shows an empty file to a poll between creating and writing it
    (the worker then stops for good); ours shows nothing until the message is whole."""
    seen: list[object] = []

    def poll(channel: filesystem.Channel) -> None:
        try:
            seen.append(channel._get("runs"))
        except Empty:
            seen.append("nothing")
        except json.JSONDecodeError as error:
            seen.append(error)

    with _connection(tmp_path / "kombu", filesystem.Transport) as conn:
        channel = conn.default_channel
        real_lock = filesystem.lock
        # Kombu's writer locks the new, still empty file before writing: poll right then.
        monkeypatch.setattr(
            filesystem, "lock", lambda f, flags: (poll(channel), real_lock(f, flags))
        )
        channel._put("runs", {"run": 1})
        monkeypatch.undo()
    assert isinstance(seen[-1], json.JSONDecodeError)

    with _connection(tmp_path / "ours", task_folder.Transport) as conn:
        channel = conn.default_channel
        real_replace = task_folder.os.replace

        def replace(src: str, dst: str) -> None:
            poll(channel)  # written, not yet renamed into place
            real_replace(src, dst)

        monkeypatch.setattr(task_folder.os, "replace", replace)
        channel._put("runs", {"run": 1})
        monkeypatch.undo()
        assert seen[-1] == "nothing"
        assert channel._size("runs") == 1
        assert channel._get("runs") == {"run": 1}
        with pytest.raises(Empty):
            channel._get("runs")
