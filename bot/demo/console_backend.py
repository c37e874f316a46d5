"""The console's view of the simulated WeCom client: what a member sent, what the bot sent
them (from the simulator's record of message/send), card updates and uploaded files."""

from __future__ import annotations

import threading
from collections import defaultdict
from typing import Any

from bot.demo.media import MediaVault, StoredMedia
from bot.web.console import ConsoleError
from integrations.wecom.simulator.server import Simulator

MAX_MESSAGES = 200  # per member, the newest kept


class SimulatorConsole:
    """Implements bot.web.console.ConsoleBackend on a running Simulator."""

    def __init__(self, sim: Simulator, vault: MediaVault) -> None:
        self.sim = sim
        self.vault = vault
        self._log: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._seen_sent = 0
        # response_code of a click → (member, task_id), to match card updates to cards.
        self._click_codes: dict[str, tuple[str, str]] = {}
        self._clicked: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()

    # -- what the member does -----------------------------------------------------------------

    def send_text(self, userid: str, text: str) -> None:
        """Type a message in the WeCom client: the simulator encrypts it and POSTs the
        callback to the bot, exactly as WeCom would."""
        self._check_member(userid)
        with self._lock:
            self._absorb()
            self._append(userid, {"from": "me", "msgtype": "text", "text": {"content": text}})
        self.sim.scenario.member_text(userid, text)

    def click(self, userid: str, task_id: str, key: str, label: str = "") -> None:
        """Press a button on a template card: a template_card_event callback to the bot."""
        self._check_member(userid)
        with self._lock:
            self._absorb()
            self._clicked[(userid, task_id)] = key
            self._append(
                userid, {"from": "me", "msgtype": "click", "click": {"label": label or key}}
            )
        event = self.sim.scenario.card_click(userid, task_id, key)
        with self._lock:
            self._click_codes[event.response_code] = (userid, task_id)

    def _check_member(self, userid: str) -> None:
        if userid not in self.sim.company.members:
            raise ConsoleError(f"{userid!r} is not a member of the simulated company")

    # -- what the member sees -----------------------------------------------------------------

    def conversation(self, userid: str) -> list[dict[str, Any]]:
        """The member's chat with the bot, oldest first; cards carry their latest update."""
        with self._lock:
            self._absorb()
            messages = [dict(m) for m in self._log.get(userid, [])]
            updates = self._updates_by_task(userid)
            for message in messages:
                if message["msgtype"] == "file":
                    stored = self.vault.get(str((message.get("file") or {}).get("media_id")))
                    message["file_name"] = stored.filename if stored else None
                card = message.get("template_card")
                if message["msgtype"] == "template_card" and isinstance(card, dict):
                    task_id = str(card.get("task_id", ""))
                    message["clicked"] = self._clicked.get((userid, task_id))
                    message["update"] = updates.get(task_id)
        return messages

    def media(self, media_id: str) -> StoredMedia | None:
        return self.vault.get(media_id)

    # -- internals (under the lock) -----------------------------------------------------------

    def _absorb(self) -> None:
        state = self.sim.state
        with state.lock:
            fresh = list(state.sent[self._seen_sent :])
            self._seen_sent += len(fresh)
        for record in fresh:
            for userid in record.get("touser", []):
                self._append(userid, {"from": "bot", **record})
                card = record.get("template_card")
                if record.get("response_code") and isinstance(card, dict):
                    # An update may also use the code message/send answered with.
                    task = str(card.get("task_id", ""))
                    self._click_codes[str(record["response_code"])] = (userid, task)

    def _append(self, userid: str, message: dict[str, Any]) -> None:
        log = self._log[userid]
        message.setdefault("time", self.sim.state.now())
        message["seq"] = (log[-1]["seq"] + 1) if log else 1
        log.append(message)
        del log[:-MAX_MESSAGES]

    def _updates_by_task(self, userid: str) -> dict[str, dict[str, Any]]:
        state = self.sim.state
        with state.lock:
            updates = list(state.card_updates)
        by_task: dict[str, dict[str, Any]] = {}
        for update in updates:
            owner = self._click_codes.get(str(update.get("response_code")))
            if owner is None or owner[0] != userid:
                continue
            by_task[owner[1]] = {
                "button": update.get("button"),
                "template_card": update.get("template_card"),
            }
        return by_task
