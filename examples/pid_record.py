"""PID records that pidproof judges exactly, from Python (README "From other languages").

write_pid_record(path) records this process; holder_alive(path) asks pidproof whether the
process a record names is still that same live process. They replace OpenViking's data
directory lock check (os.kill(pid, 0) and a guess from the command line), which takes a
recycled PID for a live OpenViking process: see acquire_data_dir_lock() at the end.
"""
import json
import os
import subprocess
import sys
import tempfile
from datetime import datetime, timezone


def _start_ticks():
    # Field 22 of /proc/self/stat: when this process started, in clock ticks after boot, as this
    # process sees the boot clock. The command name (field 2) may hold spaces and ")", so split
    # after the last ")": the start ticks are the 20th field there.
    with open("/proc/self/stat", "rb") as f:
        stat = f.read()
    return int(stat[stat.rindex(b")") + 1 :].split()[19])


def _read(path):
    try:
        with open(path) as f:
            return f.read().strip() or None
    except OSError:
        return None


def pid_record():
    """This process's record: pid, start ticks and scope (Linux; elsewhere use stamp_pid_record)."""
    try:
        pid_namespace = str(os.stat("/proc/self/ns/pid").st_ino)
    except OSError:
        pid_namespace = None
    record = {
        "pid": os.getpid(),
        "starttime": _start_ticks(),
        "bootId": _read("/proc/sys/kernel/random/boot_id"),
        "pidNamespace": pid_namespace,
        "hostname": os.uname().nodename,
        "createdAt": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
    }
    return {k: v for k, v in record.items() if v is not None}


def write_pid_record(path):
    """Writes this process's record to `path` atomically: readers see the old file or the new."""
    if not sys.platform.startswith("linux"):
        return stamp_pid_record(path)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(path)), prefix=".pid-record-")
    try:
        with os.fdopen(fd, "w") as f:
            json.dump(pid_record(), f)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def stamp_pid_record(path):
    """The same through the CLI (any OS): pidproof reads the kernel's records itself."""
    subprocess.run(["pidproof", "stamp", "--pid", str(os.getpid()), "--", path], check=True)


def holder_alive(path, legacy_command=None):
    """True while the process the record at `path` names is alive and still that process.

    False when it is gone (dead, PID recycled, a zombie, an earlier boot) or there is no record.
    A record pidproof cannot judge (another host or PID namespace, a bare PID whose process is
    alive) counts as alive: never take over without proof. `legacy_command` lets old bare-PID
    files be judged by the command their live PID runs (evidence, not proof).
    """
    cmd = ["pidproof", "inspect", "--", path]
    if legacy_command:
        cmd[2:2] = ["--legacy-command", legacy_command]
    code = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if code.returncode == 0:
        return os.path.lexists(path)  # exit 0 is also "no file": looked at after pidproof did
    if code.returncode == 1:
        return False
    if code.returncode == 3:
        return True
    raise RuntimeError(f"pidproof inspect {path}: {code.stderr.strip()}")


def recorded_pid(path):
    try:
        with open(path) as f:
            text = f.read().strip()
        return int(text) if text.isdigit() else json.loads(text).get("pid")
    except (OSError, ValueError, AttributeError):
        return None


class DataDirectoryLocked(RuntimeError):
    pass


def acquire_data_dir_lock(data_dir, name=".openviking.pid"):
    """OpenViking's acquire_data_dir_lock with these checks: refuses while the holder lives."""
    path = os.path.join(data_dir, name)
    holder = recorded_pid(path)
    if holder != os.getpid() and holder_alive(path, legacy_command="openviking"):
        raise DataDirectoryLocked(f"another process (PID {holder}) is using {data_dir}")
    os.makedirs(data_dir, exist_ok=True)
    write_pid_record(path)
    return path


def release_data_dir_lock(path):
    """Removes the record if it is still this process's."""
    if recorded_pid(path) == os.getpid():
        os.unlink(path)
