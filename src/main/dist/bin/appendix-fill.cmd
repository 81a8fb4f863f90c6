@echo off
rem appendix-fill launcher for Windows: finds Java 17+, keeps a class-data archive of the tool in
rem %LOCALAPPDATA%\appendix-fill so that every run after the first starts faster.
setlocal EnableExtensions EnableDelayedExpansion
if defined APPENDIX_FILL_HOME (set "APP_HOME=%APPENDIX_FILL_HOME%") else (set "APP_HOME=%~dp0..")
set "JAR=%APP_HOME%\appendix-fill.jar"
rem UTF-8 console so that Vietnamese messages show correctly.
chcp 65001 >nul

set "JAVA_CMD="
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_CMD=%JAVA_HOME%\bin\java.exe"
if not defined JAVA_CMD (
  where java >nul 2>nul && set "JAVA_CMD=java"
)
if not defined JAVA_CMD (
  echo appendix-fill: không tìm thấy Java. Cần Java 17 trở lên: cài JDK hoặc JRE 17+, hoặc đặt JAVA_HOME. 1>&2
  exit /b 3
)
set "VERSION="
for /f "tokens=3" %%v in ('"%JAVA_CMD%" -version 2^>^&1 ^| findstr /i "version"') do set "VERSION=%%~v"
for /f "delims=." %%m in ("%VERSION%") do set "MAJOR=%%m"
if not defined MAJOR set "MAJOR=0"
if %MAJOR% LSS 17 (
  echo appendix-fill: Java %VERSION% quá cũ. Cần Java 17 trở lên: cài JDK hoặc JRE 17+, hoặc đặt JAVA_HOME. 1>&2
  exit /b 3
)

rem SHARE is one option (it holds a path, maybe with spaces: it is passed quoted); AUTO a flag or nothing.
set "SHARE=-Xshare:auto"
set "AUTO="
set "CACHE=%LOCALAPPDATA%\appendix-fill"
if not exist "%CACHE%" mkdir "%CACHE%" >nul 2>nul
rem The full version: an archive of 17.0.8 is refused, silently, by 17.0.9.
for %%j in ("%JAR%") do set "STAMP=%%~zj-%%~tj-%VERSION%"
set "STAMP=%STAMP:/=%"
set "STAMP=%STAMP::=%"
set "STAMP=%STAMP: =%"
rem Archives of other builds or Java versions are of no more use (each is tens of megabytes).
for %%f in ("%CACHE%\appendix-fill-*") do (
  echo %%~nxf| findstr /b /c:"appendix-fill-%STAMP%." >nul || del /q "%%f" >nul 2>nul
)
rem From JDK 19 on, 25 included, the dynamic archive; the AOT cache of JDK 25 is left to the sh launcher.
if exist "%CACHE%" (
  if %MAJOR% GEQ 19 (
    set "AUTO=-XX:+AutoCreateSharedArchive"
    set "SHARE=-XX:SharedArchiveFile=%CACHE%\appendix-fill-%STAMP%.jsa"
  ) else (
    if exist "%CACHE%\appendix-fill-%STAMP%.jsa" (set "SHARE=-XX:SharedArchiveFile=%CACHE%\appendix-fill-%STAMP%.jsa") else (set "SHARE=-XX:ArchiveClassesAtExit=%CACHE%\appendix-fill-%STAMP%.jsa")
  )
)

rem java.exe passes arguments through the ANSI code page: give a folder or @list.txt (UTF-8) for
rem Vietnamese file names. file.encoding makes the @list and the console UTF-8.
rem One workbook or a few: one compiler thread. A consolidation (thousands of workbooks): survivors go
rem to the old generation at once, and C1 compiles after a quarter of the usual calls and loops.
set "JIT=-XX:CICompilerCount=1"
if /i "%~1"=="consolidate" set "JIT=-XX:Tier3InvocationThreshold=50 -XX:Tier3MinInvocationThreshold=50 -XX:Tier3CompileThreshold=500 -XX:Tier3BackEdgeThreshold=5000 -XX:MaxTenuringThreshold=0"
"%JAVA_CMD%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData %JIT% -Xlog:disable -Xlog:all=error:stderr %AUTO% "%SHARE%" -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 %APPENDIX_FILL_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
