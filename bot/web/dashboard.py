"""The demo's dashboard at `/dashboard`: saved-segment trends, RFM classes, campaign results
(treated vs holdout), server-rendered with inline SVG charts."""

from __future__ import annotations

from flask import Blueprint, render_template

from bot.database import unit_of_work
from bot.demo.charts import bar_chart, line_chart
from bot.demo.dashboard_data import campaign_results, rfm_distribution, segment_trends
from bot.services.digest.deliver import latest_digest
from bot.web import deps
from bot.web.loopback import loopback_only
from bot.web.markdown import wecom_markdown_html

blueprint = Blueprint("dashboard", __name__, template_folder="templates")
blueprint.before_request(loopback_only)


@blueprint.get("/dashboard")
def dashboard() -> str:
    d = deps()
    tz = d.settings.timezone
    now = d.now()
    ctx = d.engine_ctx
    with unit_of_work(d.session_factory) as session:
        trends = segment_trends(session)
        rfm = rfm_distribution(session, now, ctx)
        campaigns = campaign_results(session, d.settings.campaigns)
        digest = latest_digest(session)
    charts = {t.name: line_chart(t.points, tz, f"{t.name} size per night") for t in trends}
    return render_template(
        "dashboard.html",
        trends=trends,
        charts=charts,
        rfm_chart=bar_chart(rfm, "customers per RFM class") if rfm else None,
        rfm_total=sum(n for _, n in rfm),
        campaigns=campaigns,
        digest=digest,
        digest_html=wecom_markdown_html(digest.markdown) if digest else None,
        now=now.astimezone(tz),
    )
