"""Compose answers of each kind from the deterministic modules or from retrieval.

Every module here returns an :class:`assistant.answers.Answer`; the Vietnamese wording comes
from templates in ``prompts/`` so that an official can adjust it without touching code.
"""
