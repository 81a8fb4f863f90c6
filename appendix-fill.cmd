@echo off
rem Runs appendix-fill from this folder; the first run builds it with Maven.
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%target\appendix-fill.jar"
if not exist "%JAR%" (
  echo appendix-fill: dang dung chuong trinh lan dau... 1>&2
  pushd "%HERE%"
  call mvn -B -q -DskipTests package 1>&2
  popd
)
if not exist "%JAR%" (
  echo appendix-fill: khong dung duoc chuong trinh; can Maven va Java 17. 1>&2
  exit /b 3
)
set "JAVA_CMD=java"
if defined JAVA_HOME set "JAVA_CMD=%JAVA_HOME%\bin\java"
rem UTF-8 console so that Vietnamese messages show correctly.
chcp 65001 >nul
"%JAVA_CMD%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 -jar "%JAR%" %*
exit /b %ERRORLEVEL%
