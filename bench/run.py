"""`make bench`: the load benchmark (bench/run, arguments passed on), then the in-process
scripts of this folder (bench/images.py: picture upload and phone bytes; bench/pages.py:
queries and server time per page through the test client)."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

for script, args in [("run", sys.argv[1:]), ("images.py", []), ("pages.py", [])]:
    print(f"== bench/{script}", flush=True)
    subprocess.run([sys.executable, str(HERE / script), *args], check=True)
