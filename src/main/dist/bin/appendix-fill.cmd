@echo off
rem appendix-fill for Windows: finds Java 17 or newer and runs the tool on the files named on the
rem command line, dropped on this file, or sent to it with "Send to".
rem java.exe narrows its command line to the ANSI code page (JDK-8368853), which lacks most Vietnamese
rem letters: so every argument reaches the tool through a UTF-8 list file (@FILE, read by the tool),
rem and the tool's own files (jar, class-data archive, list file) go by their short 8.3 names.
rem Lines before "chcp 65001" must be ASCII: cmd reads each line in the console's code page.
setlocal EnableExtensions DisableDelayedExpansion
if not defined APPENDIX_FILL_RESTORE_CP for /f "tokens=2 delims=:." %%c in ('chcp') do set /a "APPENDIX_FILL_RESTORE_CP=%%c" 2>nul
chcp 65001 >nul

rem SELF is the script Explorer started: this one, or the checkout's or the "Send to" one that hands over to it.
set "SELF=%~f0"
if defined APPENDIX_FILL_LAUNCHER set "SELF=%APPENDIX_FILL_LAUNCHER%"
if defined APPENDIX_FILL_HOME (set "APP_HOME=%APPENDIX_FILL_HOME%") else set "APP_HOME=%~dp0.."
for %%h in ("%APP_HOME%") do set "APP_HOME=%%~fh"
set "FIRST=%~1"
set "CODE=3"
set "NAMES=0"
set "FROM_EXPLORER="

rem The list file, in the temporary folder by its short name.
for %%t in ("%TEMP%") do set "WORK=%%~st"
:new_list
set "LIST=%WORK%\appendix-fill-%RANDOM%%RANDOM%.txt"
if exist "%LIST%" goto new_list
type nul > "%LIST%" 2>nul
if exist "%LIST%" goto list_made
rem Still said in a window that waits, when Explorer started this (the names go nowhere).
set "LIST=nul"
call :explorer_names
set "LIST="
echo appendix-fill: không tạo được tệp tạm trong thư mục «%TEMP%» (TEMP). 1>&2
goto finish
:list_made

call :explorer_names
if defined FROM_EXPLORER goto arguments_listed
if /i "%FIRST%"=="--install-send-to" goto send_to_asked
rem Typed in a console: each argument a line. Quotes go, as java.exe would take them away
rem (--out="C:\Kết quả" is --out=C:\Kết quả); no Windows name holds one.
:console_arguments
if [%1]==[] goto arguments_listed
set "ARG=%~1"
if defined ARG call set "ARG=%%ARG:"=%%"
if defined ARG >>"%LIST%" echo "%ARG%"
if defined ARG set /a NAMES+=1
shift
goto console_arguments
:arguments_listed
if defined FROM_EXPLORER if %NAMES%==0 goto double_click

rem Java: JAVA_HOME, else PATH, else the newest 17+ in the usual install folders (also when the Java on
rem PATH is too old: Oracle's javapath of a Java 8 often comes first there).
set "JAVA_EXE="
set "JAVA_FROM="
set "OLD_EXE="
if not defined JAVA_HOME goto java_on_path
if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if defined JAVA_EXE goto java_found
echo appendix-fill: JAVA_HOME «%JAVA_HOME%» không có bin\java.exe; tìm Java ở nơi khác. 1>&2
:java_on_path
set "JAVA_FROM=PATH"
for %%j in (java.exe) do set "JAVA_EXE=%%~$PATH:j"
if defined JAVA_EXE goto java_found
:java_search
set "JAVA_FROM=installed"
call :java_installed
if defined JAVA_EXE goto java_found
if defined OLD_EXE goto java_old_on_path
echo appendix-fill: không tìm thấy Java. Cần Java 17 trở lên: cài JDK hoặc JRE 17+ (ví dụ Eclipse Temurin 17), hoặc đặt JAVA_HOME. 1>&2
goto finish
:java_found
rem The version from the JDK's release file (no JVM started), else from "java -version" through a file:
rem a pipe inside for /f is the one thing this cannot afford (cmd's quote rules, and Wine).
for %%j in ("%JAVA_EXE%") do set "JAVA_DIR=%%~dpj"
call :release_version "%JAVA_DIR%.."
if not defined VERSION call :java_version
call :major
if %MAJOR% GEQ 17 goto java_ok
if not "%JAVA_FROM%"=="PATH" goto java_too_old
set "OLD_EXE=%JAVA_EXE%"
set "OLD_VERSION=%VERSION%"
set "JAVA_EXE="
goto java_search
:java_old_on_path
set "JAVA_EXE=%OLD_EXE%"
set "VERSION=%OLD_VERSION%"
:java_too_old
if not defined VERSION set "VERSION=?"
echo appendix-fill: Java %VERSION% quá cũ (%JAVA_EXE%). Cần Java 17 trở lên: cài JDK hoặc JRE 17+, hoặc đặt JAVA_HOME. 1>&2
goto finish
:java_ok

if exist "%APP_HOME%\appendix-fill.jar" goto jar_found
echo appendix-fill: không thấy «%APP_HOME%\appendix-fill.jar»; hãy giải nén lại toàn bộ tệp appendix-fill-*.zip. 1>&2
goto finish
:jar_found
for %%j in ("%APP_HOME%\appendix-fill.jar") do set "JAR=%%~sj"

rem A class-data archive per jar build and Java version in %LOCALAPPDATA%\appendix-fill makes every
rem run after the first start faster. Only a folder that exists is named: a JVM that cannot write its
rem archive ends with exit 1 after the tool has finished.
set "AUTO="
set "SHARE=-Xshare:auto"
if not defined LOCALAPPDATA goto archive_done
set "CACHE=%LOCALAPPDATA%\appendix-fill"
if not exist "%CACHE%\" mkdir "%CACHE%" >nul 2>nul
if not exist "%CACHE%\" goto archive_done
for %%c in ("%CACHE%") do set "CACHE=%%~sc"
rem The full version: an archive of 17.0.8 is refused, silently, by 17.0.9.
for %%j in ("%APP_HOME%\appendix-fill.jar") do set "STAMP=%%~zj-%%~tj-%VERSION%"
set "STAMP=%STAMP:/=%"
set "STAMP=%STAMP::=%"
set "STAMP=%STAMP: =%"
set "ARCHIVE=%CACHE%\appendix-fill-%STAMP%.jsa"
rem Archives of other builds or Java versions are of no more use (each is tens of megabytes).
for %%f in ("%CACHE%\appendix-fill-*.jsa") do if /i not "%%~nxf"=="appendix-fill-%STAMP%.jsa" del /q "%%f" >nul 2>nul
rem From JDK 19 on the JVM keeps the archive up to date itself; JDK 17 and 18 write it at the end of the first run.
if %MAJOR% GEQ 19 (
  set "AUTO=-XX:+AutoCreateSharedArchive"
  set "SHARE=-XX:SharedArchiveFile=%ARCHIVE%"
) else if exist "%ARCHIVE%" (
  set "SHARE=-XX:SharedArchiveFile=%ARCHIVE%"
) else (
  set "SHARE=-XX:ArchiveClassesAtExit=%ARCHIVE%"
)
:archive_done

rem One workbook or a few: one compiler thread. A consolidation (thousands of workbooks): survivors go
rem to the old generation at once, and C1 compiles after a quarter of the usual calls and loops.
set "JIT=-XX:CICompilerCount=1"
if /i "%FIRST%"=="consolidate" set "JIT=-XX:Tier3InvocationThreshold=50 -XX:Tier3MinInvocationThreshold=50 -XX:Tier3CompileThreshold=500 -XX:Tier3BackEdgeThreshold=5000 -XX:MaxTenuringThreshold=0"
set "ARGUMENTS="
if %NAMES% GTR 0 set "ARGUMENTS="@%LIST%""
"%JAVA_EXE%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData %JIT% -Xlog:disable -Xlog:all=error:stderr %AUTO% "%SHARE%" -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 %APPENDIX_FILL_JAVA_OPTS% -jar "%JAR%" %ARGUMENTS%
set "CODE=%ERRORLEVEL%"

:finish
if defined LIST del /q "%LIST%" >nul 2>nul
if defined FROM_EXPLORER goto explorer_finish
if defined APPENDIX_FILL_RESTORE_CP chcp %APPENDIX_FILL_RESTORE_CP% >nul
exit /b %CODE%

:explorer_finish
rem Started from Explorer: the window would close at once. Say how it went, and wait for a key; then
rem end cmd.exe itself ("exit", not "exit /b"), or it would go on to run whatever followed an & in a name.
echo.
if "%CODE%"=="0" echo appendix-fill: xong, số liệu không có lỗi.
if "%CODE%"=="1" echo appendix-fill: xong; số liệu có lỗi: xem trang «Kết quả kiểm tra» của tệp .filled.xlsx.
rem No parentheses in these lines: cmd would take them for the end of the if.
if "%CODE%"=="2" echo appendix-fill: có tệp không xử lý được, lý do ở trên; tệp đó chưa được ghi gì.
if "%CODE%"=="3" echo appendix-fill: gặp lỗi, xem thông báo ở trên.
echo Nhấn phím bất kỳ để đóng cửa sổ này.
pause >nul
exit %CODE%

:double_click
echo appendix-fill điền, kiểm tra biểu Phụ lục I (CCHC) và viết báo cáo.
echo Cách dùng: kéo tệp Phụ lục I (.xlsx, .xls, .ods) thả lên biểu tượng appendix-fill.cmd này,
echo hoặc bấm chuột phải vào tệp, chọn «Send to» (Gửi tới) rồi chọn «appendix-fill».
echo.
set "ANSWER="
set /p "ANSWER=Gõ S rồi Enter để thêm appendix-fill vào «Send to»; chỉ Enter để đóng cửa sổ: "
set "CODE=2"
if /i not "%ANSWER%"=="S" exit %CODE%
call :install_send_to
echo Nhấn phím bất kỳ để đóng cửa sổ này.
pause >nul
exit %CODE%

:send_to_asked
call :install_send_to
goto finish

rem Puts appendix-fill in "Send to": a small script there that hands the chosen files to SELF.
:install_send_to
set "SEND_TO=%APPDATA%\Microsoft\Windows\SendTo"
if not exist "%SEND_TO%\" mkdir "%SEND_TO%" >nul 2>nul
for %%s in ("%SELF%") do set "TARGET=%%~ss"
set "STUB=%SEND_TO%\appendix-fill.cmd"
> "%STUB%" echo @echo off
>>"%STUB%" echo rem Made by appendix-fill.cmd --install-send-to: hands the files chosen in "Send to" to appendix-fill.
>>"%STUB%" echo chcp 65001 ^>nul
>>"%STUB%" echo set "APPENDIX_FILL_LAUNCHER=%%~f0"
>>"%STUB%" echo "%TARGET%"
if exist "%STUB%" goto send_to_made
echo appendix-fill: không thêm được vào «Send to» (thư mục «%SEND_TO%»). 1>&2
set "CODE=3"
goto :eof
:send_to_made
echo appendix-fill: đã thêm «appendix-fill» vào «Send to». Từ nay: bấm chuột phải vào tệp Phụ lục I, chọn «Send to» (Gửi tới), rồi «appendix-fill».
set "CODE=0"
goto :eof

rem Explorer (a drop, "Send to", "Open with", a double-click) starts cmd.exe as
rem   cmd.exe /c ""C:\...\appendix-fill.cmd" "C:\Tài liệu\Phụ lục I.xlsx" C:\BaoCao\PhuLuc&BaoCao,2025.xlsx"
rem quoting a name only when it holds a space; cmd then cuts the last one at the & and the comma. So the
rem names are read from %cmdcmdline% itself, with its quotes turned into / (which no Windows name holds)
rem so that & ( ) ^ % in names are never read as commands. Sets FROM_EXPLORER, lists the names.
:explorer_names
call set "LINE=%%cmdcmdline:"=/%%"
set "REST=%LINE:* /c =%"
if "%REST%"=="%LINE%" goto :eof
if not "%REST:~0,2%"=="//" goto :eof
set "REST=%REST:~2%"
set "SCRIPT="
for /f "eol=/ tokens=1 delims=/" %%s in ("%REST%") do set "SCRIPT=%%s"
if /i not "%SCRIPT%"=="%SELF%" goto :eof
set "FROM_EXPLORER=1"
call :explorer_next
:explorer_outside
rem Between quotes: names without spaces, a word each.
if not defined REST goto :eof
set "PART="
if not "%REST:~0,1%"=="/" for /f "eol=/ tokens=1 delims=/" %%s in ("%REST%") do set "PART=%%s"
call :explorer_words
call :explorer_next
rem In quotes: one name.
if not defined REST goto :eof
set "NAME="
if not "%REST:~0,1%"=="/" for /f "eol=/ tokens=1 delims=/" %%s in ("%REST%") do set "NAME=%%s"
if defined NAME call :list_name
call :explorer_next
goto explorer_outside

:explorer_next
if "%REST:/=%"=="%REST%" (set "REST=") else set "REST=%REST:*/=%"
goto :eof

:explorer_words
if not defined PART goto :eof
set "NAME="
set "MORE="
for /f "eol=/ tokens=1* delims= " %%a in ("%PART%") do (set "NAME=%%a" & set "MORE=%%b")
if defined NAME call :list_name
set "PART=%MORE%"
goto explorer_words

:list_name
>>"%LIST%" echo "%NAME%"
set /a NAMES+=1
goto :eof

rem VERSION from the release file in folder %1 (JAVA_VERSION="17.0.15"), or nothing.
:release_version
set "VERSION="
if not exist "%~1\release" goto :eof
for /f "usebackq eol=# tokens=1,* delims==" %%a in ("%~1\release") do if "%%a"=="JAVA_VERSION" set "VERSION=%%~b"
goto :eof

rem VERSION from the first line of "java -version" (openjdk version "17.0.15" 2025-04-15).
:java_version
"%JAVA_EXE%" -version 2> "%LIST%.version"
for /f "usebackq tokens=1-3" %%a in ("%LIST%.version") do if "%%b"=="version" if not defined VERSION set "VERSION=%%~c"
del /q "%LIST%.version" >nul 2>nul
goto :eof

rem MAJOR: the first number of VERSION (1 for 1.8.0_421), 0 if none.
:major
set "MAJOR=0"
for /f "tokens=1 delims=.-+_" %%m in ("%VERSION%") do set /a "MAJOR=%%m" 2>nul
goto :eof

rem JAVA_EXE: the newest Java 17+ installed where Adoptium, Oracle, Microsoft, Azul, Amazon and BellSoft
rem put it, for all users or for one; a folder without a release file is no JDK or JRE. (Each vendor's
rem folder is listed from inside it: Wine 8's for /d finds nothing through a quoted pattern.)
:java_installed
set "BEST=16"
for %%r in ("%ProgramFiles%" "%ProgramW6432%" "%LOCALAPPDATA%\Programs") do for %%v in ("Eclipse Adoptium" "Java" "Microsoft" "Zulu" "Amazon Corretto" "BellSoft") do if exist "%%~r\%%~v\" call :java_vendor "%%~r\%%~v"
set "VERSION="
goto :eof
:java_vendor
pushd "%~1" 2>nul
if errorlevel 1 goto :eof
for /d %%d in (*) do if exist "%%~fd\bin\java.exe" call :java_candidate "%%~fd"
popd
goto :eof
:java_candidate
call :release_version "%~1"
if not defined VERSION goto :eof
call :major
if %MAJOR% LEQ %BEST% goto :eof
set "BEST=%MAJOR%"
set "JAVA_EXE=%~1\bin\java.exe"
goto :eof
