"""Exit 0 if the PostgreSQL server a URL names accepts a connection within a few seconds (used by .ci/run)."""

from __future__ import annotations

import sys

import psycopg


def main(url: str) -> int:
    try:
        with psycopg.connect(url, connect_timeout=5) as connection:
            version = connection.execute("SHOW server_version").fetchone()
    except psycopg.Error as error:
        print(f"cannot connect: {str(error).strip().splitlines()[0]}", file=sys.stderr)
        return 1
    print(f"PostgreSQL {version[0] if version else '?'} reachable for the store tests")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
