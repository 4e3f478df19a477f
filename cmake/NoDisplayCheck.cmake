# Fails when a program loads a display library: QtGui, QtWidgets and the Qt modules
# built on them, X11, xcb, Wayland, EGL/GL, xkbcommon. ldd lists every shared library the
# program loads, directly or through another one, so a core dependency that drags QtGui
# in is caught too. A test runs it on the headless binary (tests/CMakeLists.txt):
#   cmake -DBINARY=<program> -P NoDisplayCheck.cmake
if(NOT BINARY OR NOT EXISTS "${BINARY}")
  message(FATAL_ERROR "NoDisplayCheck: BINARY='${BINARY}' does not exist")
endif()
execute_process(COMMAND ldd "${BINARY}"
  OUTPUT_VARIABLE libraries ERROR_VARIABLE errors RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "NoDisplayCheck: ldd ${BINARY} failed (${result}): ${errors}")
endif()
if(libraries MATCHES "not found")
  message(FATAL_ERROR "NoDisplayCheck: ${BINARY} misses libraries:\n${libraries}")
endif()
set(display_library
  "lib(Qt6(Gui|Widgets|OpenGL|OpenGLWidgets|Charts|Svg|SvgWidgets|XcbQpa|WaylandClient)|X11|xcb|wayland-[a-z]+|EGL|GLX|OpenGL|GL|xkbcommon)\\.so[.0-9]*")
string(REGEX MATCHALL "${display_library}" found "${libraries}")
if(found)
  list(REMOVE_DUPLICATES found)
  list(JOIN found ", " found)
  # On one line (FATAL_ERROR text is wrapped): tests match it.
  message(NOTICE "${BINARY} loads display libraries: ${found}")
  message(FATAL_ERROR "The core and the headless binary must run without a display: move that code to ui/.")
endif()
string(REGEX MATCHALL "libQt6[A-Za-z]+\\.so" qt_libraries "${libraries}")
list(REMOVE_DUPLICATES qt_libraries)
list(JOIN qt_libraries ", " qt_libraries)
message(STATUS "${BINARY}: no display library (Qt: ${qt_libraries})")
