"""Natural-language commands (zh/en/mixed) → segment trees and actions (spec/commands.md)."""

from segmentation.nlq.parser import Clarification, Command, is_bare_request, parse_command
from segmentation.nlq.vocabulary import Vocabulary, build_vocabulary, load_vocabulary

__all__ = [
    "Clarification",
    "Command",
    "Vocabulary",
    "build_vocabulary",
    "is_bare_request",
    "load_vocabulary",
    "parse_command",
]
