"""Which tags a tag question is about: "被打上VIP标签", or any of several tags
("近7天被打上VIP或高意向标签的客户"). Shared by the parser (segmentation.nlq) and the tag
history (segmentation.membership), which must agree on what a tag question is."""

from __future__ import annotations

from segmentation.nodes import HasTag, Node, Or


def tags_of(node: Node | None) -> tuple[HasTag, ...]:
    """The tags of a tag question: one tag, or any of several; () for any other segment."""
    if isinstance(node, HasTag):
        return (node,)
    if isinstance(node, Or) and node.children and all(isinstance(c, HasTag) for c in node.children):
        return tuple(c for c in node.children if isinstance(c, HasTag))
    return ()
