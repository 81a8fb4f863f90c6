#!/usr/bin/env python3
"""What the shared wincheck tool does not try, tried its way (Wine, its java.exe stand-in, the officer
«Cán bộ», both code pages): the launcher started from an open console, and "Send to" set up by a
double-click on the launcher and then used.

    python3 src/test/wine/extra_checks.py CHECKOUT WINCHECK_DIR

CHECKOUT/target/appendix-fill-*.zip must exist (./mvnw package). WINCHECK_DIR is the wincheck tool's
folder (tools/wincheck of the shared folder), whose run.sh must have run once: it installs Wine and builds
the stand-ins under /tmp/wincheck/bin. Prints PASS/FAIL lines like wincheck; exit 0 when all hold."""
import glob
import os
import pty
import select
import shutil
import sys
import time

if len(sys.argv) != 3:
    sys.exit(__doc__)
checkout = os.path.abspath(sys.argv[1])
sys.path.insert(0, os.path.abspath(sys.argv[2]))
import wincheck  # noqa: E402
from wincheck import WINE, FILES, BARE_DIR, DOCS, win_user  # noqa: E402

work = os.environ.get("EXTRA_TMP", "/tmp/appendix-fill-extra-checks")
bins = os.path.join(os.environ.get("WINCHECK_TMP", "/tmp/wincheck"), "bin")
results = []


def check(name, ok, why=""):
    results.append(ok)
    print(f"PASS {name}" if ok else f"FAIL {name}: {why}", flush=True)


def run(prefix, name, argv, env_extra, keys=b"\r"):
    """Runs argv under Wine in a pseudo-terminal, typing KEYS after 8 s of silence; returns
    (console lines, exit code, times KEYS was typed, the stand-in's program records)."""
    report = os.path.join(prefix.reports, name + ".tsv")
    if os.path.exists(report):
        os.remove(report)
    env = dict(prefix.env, STANDIN_REPORT="Z:" + report.replace("/", "\\"))
    env.update(env_extra)
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(prefix.unix(win_user()))
        os.execve(WINE, argv, env)
    raw, typed, start, last, status = b"", 0, time.time(), time.time(), None
    while True:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b""
            if chunk:
                raw, last = raw + chunk, time.time()
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            status = st
            break
        if raw.strip() and time.time() - last > 8 and typed < 3:
            os.write(fd, keys)
            typed, last = typed + 1, time.time()
        if time.time() - start > 90:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            break
    os.close(fd)
    records = []
    if os.path.exists(report):
        with open(report, encoding="utf-8") as f:
            records = [line.rstrip("\n").split("\t") for line in f]
    program = []
    for rec in records:
        if rec[0] == "run":
            program = [] if rec[1] == "program" else program
        else:
            program.append(rec)
    code = os.waitstatus_to_exitcode(status) if status is not None else None
    return wincheck.render(raw), code, typed, program


def main():
    zips = sorted(glob.glob(os.path.join(checkout, "target", "appendix-fill-*.zip")))
    if not zips:
        print("extra_checks: no target/appendix-fill-*.zip: run ./mvnw -B package first", file=sys.stderr)
        return 3
    os.makedirs(work, exist_ok=True)
    log = open(os.path.join(work, "extra.log"), "w", encoding="utf-8")
    for tag, lang, _ in wincheck.LOCALES:
        prefix = wincheck.Prefix(work, tag, lang, bins, log)
        prefix.setup(zips[-1])
        try:
            run_locale(prefix, tag, log)
        finally:
            prefix.stop()
    held = sum(results)
    print(f"extra_checks: {held}/{len(results)} checks hold")
    return 0 if held == len(results) else 1


def run_locale(prefix, tag, log):
    cmd = r"C:\windows\system32\cmd.exe"
    one = win_user(DOCS, FILES["one"])
    out = win_user("Kết quả quý III")
    bare = BARE_DIR + "\\" + FILES["bare"]
    # Wine 8's cmd does not expand %cmdcmdline%: give it what an open console's cmd.exe has.
    console = {"CMDCMDLINE": '"' + cmd + '" ', "JAVA_HOME": wincheck.JDK}

    # 1. From an open console: the arguments as typed, in order, options too; no wait; the tool's exit code.
    # What the officer types there, given through the environment: Wine 8 reads batch lines in the OEM code page.
    typed_line = os.path.join(prefix.path, "drive_c", "console.cmd")
    with open(typed_line, "wb") as f:
        f.write(b'@"%LAUNCHER%" "%ONE%" --out="%OUT%" "--lang=en"\r\n@exit /b %ERRORLEVEL%\r\n')
    lines, code, typed, program = run(prefix, "console", [WINE, cmd, "/c", "C:\\console.cmd"],
                                      dict(console, STANDIN_EXIT="1", LAUNCHER=prefix.launcher, ONE=one, OUT=out))
    got = wincheck.received(program) if program else []
    log.write(f"--- {tag}/console: exit {code}, typed {typed}\n" + "".join(f"  | {l}\n" for l in lines))
    # cmd splits a batch file's arguments at = too: --out="DIR" arrives as --out and DIR, which the tool
    # takes alike.
    check(f"{tag}/console/arguments", got == [one, "--out", out, "--lang=en"], f"main would receive {got}")
    check(f"{tag}/console/no-wait", typed == 0, "the launcher waits for a key in an open console")
    check(f"{tag}/console/exit", code == 1, f"exit {code} where the tool returned 1")

    # 2. No JAVA_HOME, a Java 8 first on PATH (Oracle's javapath), a Java 21 installed by Adoptium's MSI:
    #    the 21 is used. (The stand-in says STANDIN_VERSION to -version; the 21 is known by its release file.)
    javapath = r"C:\ProgramData\Oracle\Java\javapath"
    jdk21 = r"C:\Program Files\Eclipse Adoptium\jdk-21.0.5.11-hotspot"
    for folder in (javapath, jdk21 + "\\bin"):
        os.makedirs(prefix.unix(folder), exist_ok=True)
        shutil.copyfile(os.path.join(bins, "java.exe"), os.path.join(prefix.unix(folder), "java.exe"))
    with open(prefix.unix(jdk21 + "\\release"), "w") as f:
        f.write('IMPLEMENTOR="Eclipse Adoptium"\nJAVA_VERSION="21.0.5"\n')
    drop = os.path.join(bins, "explorer-drop.exe")
    old_first = {"DROP_SET_JAVA_HOME": "", "DROP_SET_PATH": javapath + r";C:\windows\system32;C:\windows",
                 "STANDIN_VERSION": "1.8.0_421"}
    lines, code, typed, program = run(prefix, "old-on-path", [WINE, drop, prefix.launcher, one], old_first)
    log.write(f"--- {tag}/old-on-path: exit {code}\n" + "".join(f"  | {l}\n" for l in lines))
    started = [r[1] for r in program if r[0] == "cmdline"]
    check(f"{tag}/old-on-path/installed-17+", bool(started) and started[0].startswith('"' + jdk21 + '\\bin\\java.exe"'),
          "started: " + (started[0][:120] if started else "nothing") + " / " + " / ".join(lines[-3:]))
    shutil.rmtree(prefix.unix(jdk21))
    lines, code, typed, program = run(prefix, "only-old", [WINE, drop, prefix.launcher, one], old_first)
    check(f"{tag}/only-old/message", any("1.8.0_421" in l and javapath in l for l in lines) and code == 3,
          f"exit {code}: " + " / ".join(lines[-3:]))

    # 3. A double-click, answered S: "Send to" gets a script that hands the files to the launcher.
    shutil.rmtree(prefix.unix(win_user("AppData", "Roaming")), ignore_errors=True)
    officer = {"DROP_SET_USERPROFILE": win_user(), "DROP_SET_APPDATA": win_user("AppData", "Roaming"),
               "DROP_SET_LOCALAPPDATA": win_user("AppData", "Local"),
               "DROP_SET_TEMP": win_user("AppData", "Local", "Temp"), "DROP_SET_TMP": win_user("AppData", "Local", "Temp"),
               "DROP_SET_JAVA_HOME": wincheck.JDK}
    lines, code, typed, _ = run(prefix, "install", [WINE, drop, prefix.launcher], officer, keys=b"S\r")
    log.write(f"--- {tag}/install: exit {code}, typed {typed}\n" + "".join(f"  | {l}\n" for l in lines))
    stub = win_user("AppData", "Roaming", "Microsoft", "Windows", "SendTo", "appendix-fill.cmd")
    check(f"{tag}/send-to/made", os.path.exists(prefix.unix(stub)) and code == 0,
          f"exit {code}, no {stub}: " + " / ".join(lines[-3:]))
    if not os.path.exists(prefix.unix(stub)):
        return
    with open(prefix.unix(stub), "rb") as f:
        log.write("  stub:\n" + f.read().decode("utf-8", "replace"))

    # 4. "Send to" with two files, one of them a bare name with & and a comma.
    lines, code, typed, program = run(prefix, "send-to", [WINE, drop, stub, one, bare], officer)
    got = wincheck.received(program) if program else []
    log.write(f"--- {tag}/send-to: exit {code}, typed {typed}\n" + "".join(f"  | {l}\n" for l in lines))
    check(f"{tag}/send-to/names", got == [one, bare], f"main would receive {got}")
    check(f"{tag}/send-to/window", typed > 0, "the window closes without waiting")
    check(f"{tag}/send-to/exit", code == 0, f"exit {code} where the tool returned 0")


if __name__ == "__main__":
    sys.exit(main())
