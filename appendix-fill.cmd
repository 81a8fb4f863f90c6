@echo off
rem Runs appendix-fill from this checkout; the first run builds it with Maven.
setlocal
set "HERE=%~dp0"
if not exist "%HERE%target\appendix-fill.jar" (
  echo appendix-fill: đang dựng chương trình lần đầu... 1>&2
  pushd "%HERE%"
  call mvn -B -q -Dstyle.color=never -DskipTests package 1>&2
  popd
)
if not exist "%HERE%target\appendix-fill.jar" (
  echo appendix-fill: không dựng được chương trình; cần Maven và Java 17. 1>&2
  exit /b 3
)
set "APPENDIX_FILL_HOME=%HERE%target"
call "%HERE%src\main\dist\bin\appendix-fill.cmd" %*
exit /b %ERRORLEVEL%
