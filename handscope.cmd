@echo off
rem HandScope launcher for Windows: builds the project with Maven when it is not built yet, then
rem starts the app. Every argument is passed to HandScope; try handscope --help.
setlocal
set "ROOT=%~dp0"
set "APP=%ROOT%app\target"
if not exist "%APP%\handscope-app.jar" goto build
if not exist "%APP%\lib" goto build
goto run
:build
echo handscope: building (first run)... 1>&2
pushd "%ROOT%"
call mvn -B -q -DskipTests install 1>&2
if errorlevel 1 (popd & exit /b 1)
popd
:run
rem OpenCV logs every failed camera probe; HandScope reports camera problems itself.
if not defined OPENCV_LOG_LEVEL set "OPENCV_LOG_LEVEL=ERROR"
if not defined TF_CPP_MIN_LOG_LEVEL set "TF_CPP_MIN_LOG_LEVEL=2"
rem The heap: capped and handed back after each marking cycle, so long sessions stay flat (README, "Memory").
java -Xmx2g -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 %HANDSCOPE_JAVA_OPTS% -cp "%APP%\handscope-app.jar;%APP%\lib\*" dev.handscope.app.Main %*
