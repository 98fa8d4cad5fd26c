"""The embedded task queue: Kombu's folder transport, with messages that appear whole.

Kombu's filesystem transport creates a message file and then writes it. A worker polling the
folder in that instant takes the empty file, cannot decode it, and its consumer stops for good
("Unrecoverable error: JSONDecodeError"): no later run or publication is ever picked up, as
the fault tests' worker once did in CI on a loaded machine. Here a message is written under a
name the worker skips and then renamed into place, which is atomic within one filesystem.
"""

import os
import uuid
from time import monotonic_ns
from typing import Any

from kombu.exceptions import ChannelError
from kombu.transport import filesystem
from kombu.utils.json import dumps

# Kombu's reader takes only "<stamp>_<uuid>.<queue>.msg"; this suffix keeps it off a partial file.
PARTIAL = ".part"


class Channel(filesystem.Channel):
    # Kombu names this parameter "payload" here and "message" in its base class.
    def _put(self, queue: str, payload: Any, **kwargs: Any) -> None:  # type: ignore[override]
        # Kombu's form of name; the reader sorts names, so a padded nanosecond stamp keeps the
        # queue first in, first out (Kombu's millisecond stamp leaves one millisecond's unordered).
        name = f"{monotonic_ns():020d}_{uuid.uuid4()}.{queue}.msg"
        final = os.path.join(self.data_folder_out, name)
        try:
            with open(final + PARTIAL, "wb") as partial:
                partial.write(dumps(payload).encode())
            os.replace(final + PARTIAL, final)
        except OSError as exc:
            raise ChannelError(f"Cannot add file {final!r} to directory") from exc


class Transport(filesystem.Transport):
    Channel = Channel
