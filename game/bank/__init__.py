"""The question bank: articles and statements that teachers write as YAML."""
from game.bank.errors import BankError
from game.bank.loader import LoadResult, load_bank, question_files
from game.bank.models import Article, Bank, HandQuestion, Statement

__all__ = [
    "Article", "Bank", "BankError", "HandQuestion", "LoadResult", "Statement",
    "load_bank", "question_files",
]
