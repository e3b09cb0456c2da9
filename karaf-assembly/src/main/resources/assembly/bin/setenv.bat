@echo off
rem Casework: JVM settings for bin\karaf.bat; values already set in the environment win.
if "%JAVA_MIN_MEM%" == "" set JAVA_MIN_MEM=256m
if "%JAVA_MAX_MEM%" == "" set JAVA_MAX_MEM=1g
rem The JAX-RS API bundle embeds a jar that JDK 17.0.15 rejects as an "Invalid CEN header".
set EXTRA_JAVA_OPTS=-Djdk.util.zip.disableZip64ExtraFieldValidation=true %EXTRA_JAVA_OPTS%
