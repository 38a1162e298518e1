"""Per module, how the mutants of the last `mutmut run` fared (read from mutants/**/*.meta)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

# mutmut's exit codes, as its `results` names them
STATUS = {0: "survived", 1: "killed", 3: "killed", 5: "no tests", 33: "no tests", 34: "skipped", 36: "timeout"}

COLUMNS = ("killed", "survived", "no tests", "not checked", "other")


def row(name: str, counts: Counter[str]) -> str:
    return f"{name:<24}" + "".join(f"{counts[c]:>13}" for c in COLUMNS)


def main() -> int:
    metas = sorted(Path("mutants").rglob("*.py.meta"))
    if not metas:
        print("no mutants/ folder: run `make mutants` first")
        return 1
    print(f"{'module':<24}" + "".join(f"{c:>13}" for c in COLUMNS))
    total: Counter[str] = Counter()
    for meta in metas:
        codes = json.loads(meta.read_text())["exit_code_by_key"].values()
        counts = Counter(STATUS.get(code, "other") if code is not None else "not checked" for code in codes)
        if not codes:
            continue
        total += counts
        module = str(meta.relative_to("mutants")).removesuffix(".meta")
        print(row(module, counts))
    print(row("total", total))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
