"""Read YAML while keeping where each value came from, so content problems can say `file:line`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

Path_ = Sequence[str | int]
# libyaml's loader when PyYAML was built with it (about eight times faster: it sets the cold start),
# else the pure-Python one; both give the same nodes, marks and data.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LocatedYaml:
    """A parsed YAML document plus its node tree, to map a path like ("roles", 3, "skills") to a line."""

    def __init__(self, text: str) -> None:
        loader = _Loader(text)
        try:
            self.root = loader.get_single_node()  # parsed once; the data is built from the same nodes
            self.data: Any = loader.construct_document(self.root) if self.root is not None else None
        finally:
            loader.dispose()

    def line(self, path: Path_) -> int:
        """1-based line of the deepest node the path reaches."""
        node = self.root
        if node is None:
            return 1
        for part in path:
            child = _child(node, part)
            if child is None:
                break
            node = child
        return int(node.start_mark.line) + 1

    def duplicate_keys(self) -> list[tuple[int, str]]:
        """(line, key) for every mapping key that appears twice in the same mapping."""
        found: set[tuple[int, str]] = set()
        stack = [self.root] if self.root is not None else []
        visited: set[int] = set()  # an anchored node reached again through an alias is checked once
        while stack:
            node = stack.pop()
            if id(node) in visited:
                continue
            visited.add(id(node))
            if isinstance(node, yaml.MappingNode):
                seen: set[str] = set()
                for key, value in node.value:
                    if isinstance(key, yaml.ScalarNode):
                        if key.value in seen:
                            found.add((key.start_mark.line + 1, str(key.value)))
                        seen.add(key.value)
                    stack.append(value)
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(node.value)
        return sorted(found)


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == part:
                return value  # type: ignore[no-any-return]
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part]  # type: ignore[no-any-return]
    return None
