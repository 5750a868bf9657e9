"""Scale-out on real engines, on the loopback only: PostgreSQL (conversations, audit), Redis (Rasa's
lock store), one action server, two Rasa servers and nginx in front of them, round robin.

Each engine is Debian's package (`make test-load` installs nginx, redis-server and postgresql with
scripts/provision), started here or in tests/engines.py with its own temporary data and config
directory on a free port, and stopped at the end; a missing one fails the tests (it is never skipped).
These tests are `make test-load`: `make test` (plain `pytest`) leaves them out, see
`pytest_collection_modifyitems` below."""

import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests
import yaml

from tests.engines import Postgres, need, wait_for_port
from tests.support.servers import ROOT, Servers, free_port, stop_process

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"  # git-ignored: latency percentiles of the last run


def pytest_collection_modifyitems(config, items):
    """Only when tests/load is named on the command line (`make test-load`): a plain `pytest` skips it."""
    wanted = any(str(Path(arg.split("::")[0]).resolve()).startswith(str(HERE)) for arg in config.args)
    if wanted:
        return
    mine = [item for item in items if Path(str(item.fspath)).resolve().is_relative_to(HERE)]
    if mine:
        config.hook.pytest_deselected(items=mine)
        items[:] = [item for item in items if item not in mine]


stop = stop_process  # tests/conftest.py


@dataclass
class Redis:
    directory: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    def start(self) -> None:
        log = self.directory / "redis.log"
        self.process = subprocess.Popen(
            [
                need("redis-server"),
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
                "--daemonize",
                "no",
                "--protected-mode",
                "yes",
            ],
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        wait_for_port(self.port, self.process, "redis-server", log)

    def stop(self) -> None:
        stop(self.process)


NGINX_CONF = """
daemon off;
user root;
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log {dir}/access.log;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    client_max_body_size 64k;
    upstream rasa {{
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://rasa;
            proxy_http_version 1.1;
            proxy_set_header Host $host;
            proxy_set_header X-Real-IP $remote_addr;
            proxy_read_timeout 300s;
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
"""


@dataclass
class Nginx:
    directory: Path
    upstream_ports: list
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    def start(self) -> None:
        conf = self.directory / "nginx.conf"
        servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=0;" for p in self.upstream_ports)
        conf.write_text(NGINX_CONF.format(dir=self.directory, port=self.port, servers=servers))
        log = self.directory / "nginx.out"
        self.process = subprocess.Popen(
            [need("nginx"), "-p", str(self.directory), "-c", str(conf), "-e", "stderr"],
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        wait_for_port(self.port, self.process, "nginx", log)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        stop(self.process)


@dataclass
class RasaNode(Servers):
    """One Rasa server of the cluster: the production tracker store on PostgreSQL, Redis locks
    (components/stores/lock_store.py: Rasa's Redis lock store loses ticket updates between servers)."""

    lock_store: dict | None = None

    @property
    def endpoints(self) -> Path:
        path = self.workdir / "endpoints.yml"
        sections = {
            "action_endpoint": {"url": f"http://127.0.0.1:{self.action_port}/webhook"},
            "tracker_store": self.tracker_store,
            "lock_store": self.lock_store,
        }
        path.write_text(yaml.safe_dump({k: v for k, v in sections.items() if v}))
        return path


@dataclass
class Cluster:
    postgres: Postgres
    redis: Redis
    actions: Servers
    nodes: list
    nginx: Nginx
    token: str

    @property
    def url(self) -> str:
        return self.nginx.url

    def tracker(self, sender: str) -> dict:
        answer = requests.get(f"{self.url}/conversations/{sender}/tracker", params={"token": self.token}, timeout=60)
        answer.raise_for_status()
        return answer.json()


# The load test sends 20 messages per conversation as fast as the bot answers, all from 127.0.0.1:
# the per-sender limit is raised for it, and 127.0.0.1 is exempt from the per-address one by setting.
# Behind nginx the client address comes from X-Real-IP (SANIC_REAL_IP_HEADER); a low per-address limit
# shows it is the client's, not nginx's (test_scale_out sends from 127.0.0.2).
CLUSTER_ENV = {
    "TRIAGE_RATE_SENDER_PER_MINUTE": "6000",
    "TRIAGE_RATE_SENDER_BURST": "1000",
    "TRIAGE_RATE_IP_PER_MINUTE": "30",
    "TRIAGE_RATE_IP_BURST": "10",
    "SANIC_REAL_IP_HEADER": "x-real-ip",
    "TRIAGE_RATE_EXEMPT_IPS": "127.0.0.1",
}


@pytest.fixture(scope="session")
def cluster(tmp_path_factory):
    import secrets

    workdir = tmp_path_factory.mktemp("cluster")
    postgres = Postgres()
    redis = Redis(workdir)
    token = secrets.token_hex(24)
    tracker_store = yaml.safe_load((ROOT / "endpoints.yml").read_text())["tracker_store"]
    env = {**CLUSTER_ENV, "TRIAGE_ACTION_SECRET": secrets.token_hex(16), "TRIAGE_SESSION_SECRET": secrets.token_hex(16)}
    actions = nodes = nginx = None
    try:
        postgres.start()
        redis.start()
        env["TRIAGE_DATABASE_URL"] = postgres.url
        actions = Servers(workdir / "actions", env=env)
        actions.workdir.mkdir()
        actions.start_actions()
        nodes = []
        for name in ("rasa-a", "rasa-b"):
            (workdir / name).mkdir()
            nodes.append(
                RasaNode(
                    workdir / name,
                    action_port=actions.action_port,
                    tracker_store=tracker_store,
                    lock_store={
                        "type": "components.stores.lock_store.AtomicRedisLockStore",
                        "url": "127.0.0.1",
                        "port": redis.port,
                        "db": 0,
                    },
                    env=env,
                )
            )
        errors = []

        def start(node):
            try:
                node.start_rasa("--enable-api", "--auth-token", token, "--interface", "127.0.0.1")
            except Exception as error:
                errors.append(error)

        threads = [threading.Thread(target=start, args=(node,)) for node in nodes]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            raise errors[0]
        (workdir / "nginx").mkdir()
        nginx = Nginx(workdir / "nginx", [node.rasa_port for node in nodes])
        nginx.start()
        yield Cluster(postgres, redis, actions, nodes, nginx, token)
    finally:
        for part in [nginx, *(nodes or [])]:
            if part is not None:
                part.stop() if isinstance(part, Nginx) else part.stop_all()
        if actions is not None:
            actions.stop_all()
        redis.stop()
        postgres.stop()
