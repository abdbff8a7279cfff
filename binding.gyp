{
  "targets": [
    {
      "target_name": "pidproof",
      "sources": ["native/addon.cc", "native/logic.cc"],
      # node-addon-api's headers without its node_addon_api_except target: that target's
      # except.gypi forces MACOSX_DEPLOYMENT_TARGET 10.7 over ours. Its exception settings are
      # repeated here (NAPI_CPP_EXCEPTIONS, no -fno-exceptions, GCC_ENABLE_CPP_EXCEPTIONS,
      # _HAS_EXCEPTIONS and /EHsc on Windows); `npm run check:cross` checks the macOS minimum.
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=8", "NODE_ADDON_API_DISABLE_DEPRECATED", "NAPI_CPP_EXCEPTIONS"],
      "cflags!": ["-fno-exceptions"],
      "cflags_cc!": ["-fno-exceptions"],
      "conditions": [
        ["OS=='linux'", {
          "sources": ["native/platform_linux.cc", "native/lock_posix.cc", "native/signal_posix.cc", "native/xattr_posix.cc"],
          "cflags": ["-fvisibility=hidden", "-fstack-protector-strong", "-Wall", "-Wextra"],
          "cflags_cc": ["-std=c++17"]
        }],
        ["OS=='mac'", {
          "sources": [
            "native/platform_darwin.cc", "native/lock_posix.cc", "native/signal_posix.cc", "native/kqueue_exit_watch.cc",
            "native/xattr_posix.cc"
          ],
          "xcode_settings": {
            "GCC_SYMBOLS_PRIVATE_EXTERN": "YES",
            "GCC_ENABLE_CPP_EXCEPTIONS": "YES",
            "CLANG_CXX_LIBRARY": "libc++",
            "MACOSX_DEPLOYMENT_TARGET": "10.15",
            "CLANG_CXX_LANGUAGE_STANDARD": "c++17",
            "OTHER_CFLAGS": ["-fstack-protector-strong", "-Wall", "-Wextra"]
          }
        }],
        ["OS=='win'", {
          "sources": ["native/platform_win32.cc", "native/xattr_none.cc"],
          "defines": ["_HAS_EXCEPTIONS=1"],
          "libraries": ["ntdll.lib", "advapi32.lib"],
          "msvs_settings": {
            "VCCLCompilerTool": {
              "ExceptionHandling": 1,
              "EnablePREfast": "true",
              "AdditionalOptions": ["/guard:cf", "/sdl", "/W3", "/std:c++17"]
            },
            "VCLinkerTool": {"AdditionalOptions": ["/DYNAMICBASE", "/guard:cf"]}
          }
        }],
        ["OS=='freebsd'", {
          "sources": [
            "native/platform_freebsd.cc", "native/lock_posix.cc", "native/signal_posix.cc", "native/kqueue_exit_watch.cc",
            "native/xattr_posix.cc"
          ],
          "cflags": ["-fvisibility=hidden", "-fstack-protector-strong", "-Wall", "-Wextra"],
          "cflags_cc": ["-std=c++17"]
        }],
        ["OS not in ['linux', 'mac', 'win', 'freebsd']", {
          "sources": ["native/platform_unsupported.cc", "native/xattr_none.cc"]
        }]
      ]
    }
  ]
}
