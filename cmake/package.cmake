# `cpack -G DEB` in a build directory: kiosk_VERSION_ARCH.deb whose
# dependencies dpkg-shlibdeps reads off the binary, so apt brings Debian's
# runtime packages (libsdl2-2.0-0, libcjson1, …) and nothing else.
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "kiosk")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "kiosk")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "offline full-screen slide player for touch screens")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)

set(KIOSK_MAINTAINER "kiosk maintainers <kiosk@example.org>" CACHE STRING
  "Maintainer field of the .deb: Name <address>")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${KIOSK_MAINTAINER}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # kiosk_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The long text under the summary line (CPack puts the summary first).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "kiosk plays a folder of JSON slides (photos, Chinese text set with the
typographer's rules, figures that count up, bar charts) full screen on a
touch screen, for exhibition halls and fairs. Visitors swipe, tap chapters
and pause; the show returns to its start when they leave. It writes a play
log, reports on it (kiosk --report), checks decks (kiosk --check) and draws
them to PNG without a display (kiosk --render). A demo deck is included.")

# Files under /etc are the administrator's: dpkg keeps their edits
# (conffiles). An absolute destination makes CPack stage with DESTDIR.
if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/dist/kiosk-autostart.desktop)
  file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/dist/conffiles
    "${CMAKE_INSTALL_FULL_SYSCONFDIR}/xdg/autostart/kiosk.desktop\n")
  set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${CMAKE_CURRENT_BINARY_DIR}/dist/conffiles)
endif()

include(CPack)
