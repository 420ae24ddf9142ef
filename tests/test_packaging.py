"""The installed package: one public name, `actorgraph`, that a user's own modules cannot shadow."""
import subprocess
import sys


def test_a_users_graph_and_queries_modules_do_not_shadow_ours(tmp_path):
    (tmp_path / "queries.py").write_text("raise ImportError('the user queries.py was imported')\n")
    (tmp_path / "graph").mkdir()
    (tmp_path / "graph" / "__init__.py").write_text("raise ImportError('the user graph/ was imported')\n")
    (tmp_path / "loaders.py").write_text("raise ImportError('the user loaders.py was imported')\n")
    code = ("import actorgraph.queries, actorgraph.graph, actorgraph.loaders.pipeline, actorgraph.cli\n"
            "print(actorgraph.graph.open_store.__module__)")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "actorgraph.graph.store"


def test_no_top_level_graph_loaders_or_queries_are_installed(tmp_path):
    code = "import importlib.util as u; print([n for n in ('graph', 'loaders', 'queries') if u.find_spec(n)])"
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr
