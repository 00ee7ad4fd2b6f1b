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
