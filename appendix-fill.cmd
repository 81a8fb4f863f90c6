@echo off
rem Runs appendix-fill from this checkout. The first run, and any run after the sources changed, builds
rem it with the Maven wrapper (mvnw.cmd: a JDK 17+ is all it needs); then the distribution's launcher,
rem src\main\dist\bin\appendix-fill.cmd, runs it. Lines before "chcp 65001" must be ASCII: cmd reads
rem each line in the console's code page.
setlocal EnableExtensions DisableDelayedExpansion
for /f "tokens=2 delims=:." %%c in ('chcp') do set /a "APPENDIX_FILL_RESTORE_CP=%%c" 2>nul
chcp 65001 >nul
set "HERE=%~dp0"
set "APPENDIX_FILL_LAUNCHER=%~f0"
set "JAR=%HERE%target\appendix-fill.jar"
rem A copy of what went into the jar, taken when it was built: the jar is stale when anything differs
rem from it (robocopy /L only lists; its exit code is 0 when nothing would be copied or removed).
set "SOURCES=%HERE%target\build-sources"
if not exist "%JAR%" goto build
robocopy "%HERE%." "%SOURCES%" pom.xml /L /R:0 /W:0 >nul 2>nul
if errorlevel 1 goto build
for %%d in (src\main\java src\main\resources workbook-templates velocity) do (
  robocopy "%HERE%%%d" "%SOURCES%\%%d" /MIR /L /R:0 /W:0 >nul 2>nul
  if errorlevel 1 goto build
)
goto run

:build
echo appendix-fill: đang dựng chương trình (lần đầu, hoặc vì mã nguồn đã đổi; có thể mất một phút)... 1>&2
if not exist "%HERE%mvnw.cmd" goto build_failed
if not exist "%HERE%target\" mkdir "%HERE%target"
rem The copy is taken before the build, so that a change made during it is seen next time.
robocopy "%HERE%." "%SOURCES%.new" pom.xml /R:0 /W:0 >nul 2>nul
for %%d in (src\main\java src\main\resources workbook-templates velocity) do robocopy "%HERE%%%d" "%SOURCES%.new\%%d" /MIR /R:0 /W:0 >nul 2>nul
pushd "%HERE%"
call "%HERE%mvnw.cmd" -B -q -Dstyle.color=never -DskipTests package > "%HERE%target\build.log" 2>&1
set "BUILT=%ERRORLEVEL%"
popd
if not "%BUILT%"=="0" goto build_failed
if exist "%SOURCES%\" rd /s /q "%SOURCES%"
move "%SOURCES%.new" "%SOURCES%" >nul
goto run

:build_failed
if exist "%HERE%target\build.log" type "%HERE%target\build.log" 1>&2
echo appendix-fill: dựng chương trình không thành công (xem ở trên). Cần JDK 17 trở lên (JAVA_HOME hoặc PATH), và lần đầu cần mạng tới Maven Central. 1>&2
rem Started from Explorer (as the distribution's launcher tells it): wait, so that this can be read.
call set "LINE=%%cmdcmdline:"=/%%"
call set "REST=%%LINE:* /c //%APPENDIX_FILL_LAUNCHER%/=%%"
if "%REST%"=="%LINE%" exit /b 3
echo Nhấn phím bất kỳ để đóng cửa sổ này.
pause >nul
exit 3

:run
set "APPENDIX_FILL_HOME=%HERE%target"
call "%HERE%src\main\dist\bin\appendix-fill.cmd" %*
exit /b %ERRORLEVEL%
