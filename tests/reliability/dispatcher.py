"""`python -m tests.reliability.dispatcher NOW`: one outbox pass (what the scheduler's tick
sends) as its own killable process, configured from SEGBOT_* like every segbot process."""

from __future__ import annotations

import sys
from datetime import datetime

from bot.bootstrap import build_gateway
from bot.database import make_engine, make_session_factory
from bot.services.campaigns.sending import dispatch_due
from bot.settings import load_settings


def main(argv: list[str]) -> int:
    settings = load_settings()
    now = datetime.fromisoformat(argv[0])
    factory = make_session_factory(make_engine(settings.database_url))
    gateway = build_gateway(settings, factory)
    if gateway is None:
        print("WeCom settings missing", file=sys.stderr)
        return 2
    report = dispatch_due(factory, gateway, now, settings.campaigns)
    print(f"calls {report.calls} sent {report.sent} failed {report.failed} retry {report.retried}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
