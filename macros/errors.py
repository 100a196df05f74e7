"""One error type for everything an editor can break, so the build can show it plainly."""


class GuideError(Exception):
    """A mistake in the content, data or translations, with where it is and how to fix it."""

    def __init__(self, where: str, problem: str, fix: str):
        self.where = where
        self.problem = problem
        self.fix = fix
        super().__init__(f"{where}: {problem}\n  How to fix: {fix}")
