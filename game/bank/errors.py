from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class BankError:
    """One problem in a teacher's file, positioned so an editor can jump to it.

    line and column are 1-based, as editors count them."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


def collapse(errors: list[BankError]) -> list[BankError]:
    """Sorted, each problem once: one alias used 100,000 times is one line that says so,
    not 100,000 identical ones."""
    counts: dict[BankError, int] = {}
    for error in errors:
        counts[error] = counts.get(error, 0) + 1
    return [error if count == 1 else BankError(
                error.path, error.line, error.column,
                f"{error.message} (and {count - 1:,} more time{'s' if count > 2 else ''})")
            for error, count in sorted(counts.items())]
