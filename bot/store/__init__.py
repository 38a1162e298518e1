"""The bot's store: one database for everything it remembers (see README, "What is stored").

    from bot.store.store import Store, prepare

    store = Store.open(settings.database_url)      # pooled engine; nothing connects yet
    prepare(store)                                  # SQLite: migrate; PostgreSQL: refuse a schema behind
    store.seen_events.first_time(event_id)          # the event memory
    feedback.record_vote(store.engine, ...)         # one module per concern, small typed functions

The store is used at the edges (handlers, the command line); the answer engine never sees it.
A store that fails never costs a person their answer: `store.health.attempt(...)` runs a write and
logs a failure once, not per request.
"""
