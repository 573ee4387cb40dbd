import pytest

from evidence.config import TaggingSettings
from text_processing.tagger import Tagger, load_tagger


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("tagger-cache")


@pytest.fixture(scope="session")
def tagger(cache_dir) -> Tagger:
    return load_tagger(TaggingSettings(cache_dir=cache_dir))


@pytest.fixture(scope="session")
def tag(tagger):
    """(text, hpo_id) pairs of the mentions found, for compact assertions."""

    def run(text: str, nested: bool = False) -> list[tuple[str, str]]:
        return [(m.text, m.hpo_id) for m in tagger.tag(text, nested=nested)]

    return run
