"""Where a worker's start-up time goes, measured in a fresh interpreter (so imports are cold):

    python -m bench.startup   (needs SLACK_API_URL, SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET)

Prints one JSON object: seconds for each step a `bot serve` worker takes before it can answer
(imports, load_library, Engine, the Bolt app with its auth.test), and, as an experiment, the same
load_library with PyYAML's libyaml loader (CSafeLoader) in place of the pure-Python SafeLoader.
"""

from __future__ import annotations

import json
import time


def main() -> None:
    clock = time.perf_counter
    out: dict[str, object] = {}
    began = clock()
    import yaml
    from slack_bolt.adapter.wsgi import SlackRequestHandler

    import aieng.wsgi  # noqa: F401  (gunicorn, Bolt, slack_sdk, pydantic, the bot's modules and the listeners)
    from aieng.app import create_app
    from bot.answering import Engine
    from bot.config import load_settings
    from bot.content import load_library

    out["import_s"] = clock() - began
    settings = load_settings()
    step = clock()
    library = load_library(settings.content_dir)
    out["load_library_s"] = clock() - step
    step = clock()
    engine = Engine(library)
    out["engine_s"] = clock() - step
    step = clock()
    SlackRequestHandler(create_app(engine, settings))
    out["bolt_app_with_auth_test_s"] = clock() - step
    out["total_s"] = clock() - began

    # Experiment: the same content through libyaml. Not what the bot does today.
    if getattr(yaml, "__with_libyaml__", False):
        pure = yaml.SafeLoader
        yaml.SafeLoader = yaml.CSafeLoader  # type: ignore[misc,assignment]
        try:
            step = clock()
            fast = load_library(settings.content_dir)
            out["load_library_libyaml_s"] = clock() - step
            out["libyaml_same_library"] = fast == library
        finally:
            yaml.SafeLoader = pure  # type: ignore[misc]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
