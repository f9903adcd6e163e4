"""Question answering over Vietnamese government directives, with verifiable citations."""

__version__ = "0.1.0"
