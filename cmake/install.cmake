# Where `cmake --install` (and so the .deb) puts each file, Debian's way:
#   bin/kiosk                          the program
#   share/kiosk/demo/{slides,assets,fonts}  the demo deck, its fonts and their licence
#   share/doc/kiosk/                   README, docs/, copyright, changelog.gz
#   share/man/man1/kiosk.1.gz          the manual page
#   lib/systemd/user/kiosk.service     the show as a user service (dist/kiosk.service)
#   /etc/xdg/autostart/kiosk.desktop   starts it with each graphical session
#                                      (dist/kiosk-autostart.desktop; a conffile)

install(TARGETS kiosk RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

install(DIRECTORY slides/ DESTINATION ${KIOSK_INSTALL_DEMO_DIR}/slides
  FILES_MATCHING PATTERN "*.json")
# assets/src holds the illustrations' SVG sources: a build input, not part of the show.
install(DIRECTORY assets/ DESTINATION ${KIOSK_INSTALL_DEMO_DIR}/assets
  PATTERN "src" EXCLUDE)
install(FILES fonts/NotoSansCJKsc-Regular.otf fonts/NotoSansCJKsc-Bold.otf
  fonts/LICENSE fonts/README.md DESTINATION ${KIOSK_INSTALL_DEMO_DIR}/fonts)

install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)
install(FILES dist/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})

# Debian wants the changelog and manual page compressed with gzip -9n (no
# name or time stamp inside, so the package builds reproducibly).
find_program(GZIP_EXECUTABLE gzip REQUIRED)
set(KIOSK_GZIPPED "")
foreach(name kiosk.1 changelog)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/dist/${name})
  configure_file(dist/${name}.in ${out} @ONLY)
  add_custom_command(OUTPUT ${out}.gz
    COMMAND sh -c "\"$0\" -9n -c \"$1\" > \"$2\"" ${GZIP_EXECUTABLE} ${out} ${out}.gz
    DEPENDS ${out} VERBATIM)
  list(APPEND KIOSK_GZIPPED ${out}.gz)
endforeach()
add_custom_target(kiosk_gzipped ALL DEPENDS ${KIOSK_GZIPPED})
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/dist/kiosk.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/dist/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The unit is a user unit: the show runs in the screen's session, as the
# user who logs in there, not as a system service. Autostart entries live in
# /etc/xdg/autostart (sysconfdir is /etc for the /usr prefix), which makes the
# package start the show with every graphical login: what a kiosk PC is for.
# Deleting or editing the entry (a conffile) turns that off for good.
if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/dist/kiosk.service)
  install(FILES dist/kiosk.service DESTINATION lib/systemd/user)
endif()
if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/dist/kiosk-autostart.desktop)
  install(FILES dist/kiosk-autostart.desktop DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/xdg/autostart
    RENAME kiosk.desktop)
endif()
