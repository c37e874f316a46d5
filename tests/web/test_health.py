"""GET /healthz: 200 when the database answers, 503 JSON when it does not."""

from __future__ import annotations

from flask.testing import FlaskClient

from bot.app import create_app
from bot.bootstrap import build_deps
from bot.database import make_engine
from tests.web.conftest import make_settings


def test_healthz_reports_the_database_and_inbox(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json["db"] == "ok"
    assert response.json["inbox"]["dead"] == 0


def test_healthz_is_503_json_when_the_database_does_not_answer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'missing-dir' / 'x.db'}"
    settings = make_settings(database_url=url)
    app = create_app(settings, build_deps(settings, engine=make_engine(url)))
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.is_json and response.json["error"]


def test_healthz_is_503_when_the_schema_is_missing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    settings = make_settings(database_url=url)
    app = create_app(settings, build_deps(settings, engine=make_engine(url)))
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert "segbot init" in response.json["error"]


def test_wsgi_entry_point_builds_the_app_from_the_environment(tmp_cwd, monkeypatch):
    from bot.app import wsgi_app
    from bot.database import make_engine
    from bot.migrate import upgrade_to_head

    url = f"sqlite:///{tmp_cwd / 'prod.db'}"
    upgrade_to_head(make_engine(url))
    monkeypatch.setenv("SEGBOT_DATABASE_URL", url)
    response = wsgi_app().test_client().get("/healthz")
    assert response.status_code == 200
    assert response.get_json()["db"] == "ok"
