"""The schemathesis command line, with one workaround: CPython 3.11 before 3.11.8 (Debian 12 has 3.11.2) can raise
SystemError ("AST constructor recursion depth mismatch") when hypothesis parses a large module only to describe a
lambda for its messages. The description is cosmetic, so a failure there yields a placeholder instead of an error."""
import sys

from hypothesis.internal import lambda_sources

_describe = lambda_sources._lambda_description


def _describe_or_placeholder(function, *arguments, **keywords):
    try:
        return _describe(function, *arguments, **keywords)
    except SystemError:
        return "lambda: <unknown>"


lambda_sources._lambda_description = _describe_or_placeholder

from schemathesis.cli import schemathesis  # noqa: E402  (after the patch)

if __name__ == "__main__":
    sys.exit(schemathesis())
