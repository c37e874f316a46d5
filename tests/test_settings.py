"""Settings: defaults, .env, and one clear line naming a bad variable."""

from __future__ import annotations

import pytest

from bot.settings import SettingsError, load_settings, parse_settings


def test_defaults_need_no_server():
    settings = parse_settings({})
    assert settings.database_url == "sqlite:///segbot.db"
    assert settings.timezone_name == "Asia/Shanghai"
    assert settings.wecom.api_base == "https://qyapi.weixin.qq.com/cgi-bin/"
    assert settings.api_token is None and settings.admins == frozenset()


def test_contact_secret_falls_back_to_app_secret():
    settings = parse_settings({"SEGBOT_WECOM_SECRET": "s3cret"})
    assert settings.wecom.contact_secret == "s3cret"
    assert "s3cret" not in repr(settings)


def test_admins_are_a_comma_separated_list():
    assert parse_settings({"SEGBOT_ADMINS": " a, b ,,c"}).admins == {"a", "b", "c"}


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SEGBOT_TIMEZONE", "Mars/Olympus"),
        ("SEGBOT_WECOM_AGENT_ID", "12ab"),
        ("SEGBOT_WECOM_AES_KEY", "short"),
        ("SEGBOT_WECOM_TOKEN", "has space"),
        ("SEGBOT_DATABASE_URL", "not a url"),
        ("SEGBOT_WECOM_API_BASE", "ftp://x"),
        ("SEGBOT_REDIS_URL", "localhost:6379"),
    ],
)
def test_malformed_setting_names_the_variable_and_hides_the_value(name, value):
    with pytest.raises(SettingsError) as error:
        parse_settings({name: value})
    message = str(error.value)
    assert name in message and "\n" not in message
    if name in ("SEGBOT_WECOM_AES_KEY", "SEGBOT_WECOM_TOKEN"):
        assert value not in message


def test_env_file_is_read_and_the_environment_wins(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("SEGBOT_TIMEZONE=Asia/Tokyo\nSEGBOT_API_TOKEN=from-file\n")
    settings = load_settings({"SEGBOT_API_TOKEN": "from-env"}, env_file=env_file)
    assert settings.timezone_name == "Asia/Tokyo"
    assert settings.api_token == "from-env"


def test_the_approval_cost_limit_is_read_in_yuan_and_checked() -> None:
    from decimal import Decimal

    assert parse_settings({}).approval_cost_limit == Decimal(5000)
    assert parse_settings({"SEGBOT_APPROVAL_COST_LIMIT": "12,000"}).approval_cost_limit == 12000
    for bad in ("-1", "lots", "nan"):
        with pytest.raises(SettingsError, match="SEGBOT_APPROVAL_COST_LIMIT"):
            parse_settings({"SEGBOT_APPROVAL_COST_LIMIT": bad})
