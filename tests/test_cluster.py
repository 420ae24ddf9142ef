"""Ingest on a Dask cluster (two worker processes on this machine): the same store as a local
ingest, for the embedded store (the client writes) and for a Bolt store (the workers write)."""
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="Dask is not installed (pip install 'actorgraph[dask]')")

from actorgraph.graph import open_store  # noqa: E402
from actorgraph.graph.export import export, to_json_data  # noqa: E402
from actorgraph.loaders.cluster import ingest_on_cluster  # noqa: E402
from actorgraph.loaders.pipeline import ingest  # noqa: E402

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def local_export(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("local") / "g.db")
    with open_store(path, write=True) as store:
        ingest([EXAMPLES], store)
    return export(open_store(path), "json")


def test_two_workers_give_the_local_store_byte_for_byte(tmp_path, local_export):
    path = str(tmp_path / "c.db")
    with open_store(path, write=True) as store:
        report = ingest_on_cluster([EXAMPLES], store, store_location=path, workers=2, batch_docs=2)
    assert report.documents == 12 and report.statements > 200 and not report.errors
    assert export(open_store(path), "json") == local_export
    with open_store(path, write=True) as store:  # the client skips what is stored: nothing is sent
        again = ingest_on_cluster([EXAMPLES], store, store_location=path, workers=2, batch_docs=2)
    assert (again.documents, again.already_stored) == (0, 12)
    assert export(open_store(path), "json") == local_export


def test_a_bad_file_is_named_once_and_the_rest_is_ingested(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "ok.txt").write_text("Russia backs Syria. Iran supplied weapons to Hezbollah.\n")
    (folder / "bad.txt").write_bytes(b"\x00\x01binary\xff")
    path = str(tmp_path / "c.db")
    with open_store(path, write=True) as store:
        report = ingest_on_cluster([folder], store, store_location=path, workers=2)
    assert report.documents == 1 and len(report.errors) == 1 and "bad.txt" in report.errors[0]


@pytest.mark.bolt
def test_workers_write_to_a_bolt_store_in_parallel_and_get_the_local_graph(tmp_path, bolt_store, bolt_env):
    local = str(tmp_path / "g.db")
    with open_store(local, write=True) as store:
        ingest([EXAMPLES], store)
    report = ingest_on_cluster([EXAMPLES], bolt_store, store_location=bolt_env, workers=2, batch_docs=2)
    assert report.documents == 12
    assert to_json_data(bolt_store) == to_json_data(open_store(local))
    again = ingest_on_cluster([EXAMPLES], bolt_store, store_location=bolt_env, workers=2, batch_docs=2)
    assert again.documents == 0
    assert to_json_data(bolt_store) == to_json_data(open_store(local))


def test_a_worker_killed_mid_run_has_its_batches_retried_and_nothing_is_written_twice(tmp_path, local_export):
    import os
    import signal

    import distributed

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=50) as cluster, distributed.Client(cluster) as client:
        killed = []

        def kill_one_worker(done, total):
            if not killed:
                pid = next(iter(client.run(os.getpid).values()))
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

        path = str(tmp_path / "c.db")
        with open_store(path, write=True) as store:
            report = ingest_on_cluster([EXAMPLES], store, store_location=path, scheduler=cluster.scheduler_address,
                                       batch_docs=1, progress=kill_one_worker)
    assert killed and report.documents == 12
    assert export(open_store(path), "json") == local_export


def test_the_cli_runs_an_ingest_on_a_local_cluster(tmp_path, capsys, local_export):
    from actorgraph.cli import main

    path = str(tmp_path / "c.db")
    assert main(["ingest", str(EXAMPLES), "--store", path, "--workers", "2"]) == 0
    assert "ingested 12 documents" in capsys.readouterr().out
    assert export(open_store(path), "json") == local_export
