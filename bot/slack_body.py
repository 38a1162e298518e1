"""Reading a part of a Slack request body that should be an object, whatever the body holds."""

from __future__ import annotations

from typing import Any


def object_in(body: dict[str, Any], name: str) -> dict[str, Any]:
    """body[name] if it is an object, else {}: Slack always sends an object there, a forged or trimmed body may not."""
    value = body.get(name)
    return value if isinstance(value, dict) else {}
