"""Words several kinds' phrases share."""

from __future__ import annotations

OP_ZH = {">": "超过", ">=": "至少", "<": "少于", "<=": "不超过", "=": "正好"}
OP_EN = {">": "more than", ">=": "at least", "<": "fewer than", "<=": "at most", "=": "exactly"}
