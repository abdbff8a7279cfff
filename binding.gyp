{
  "targets": [
    {
      "target_name": "pidproof",
      "sources": ["native/addon.cc"],
      "dependencies": [
        "<!(node -p \"require('node-addon-api').targets\"):node_addon_api_except"
      ],
      "defines": ["NAPI_VERSION=8", "NODE_ADDON_API_DISABLE_DEPRECATED"],
      "conditions": [
        ["OS=='linux'", {
          "sources": ["native/platform_linux.cc", "native/lock_posix.cc"],
          "cflags": ["-fvisibility=hidden", "-fstack-protector-strong", "-Wall", "-Wextra"],
          "cflags_cc": ["-std=c++17"]
        }],
        ["OS=='mac'", {
          "sources": ["native/platform_darwin.cc", "native/lock_posix.cc"],
          "xcode_settings": {
            "GCC_SYMBOLS_PRIVATE_EXTERN": "YES",
            "MACOSX_DEPLOYMENT_TARGET": "10.15",
            "CLANG_CXX_LANGUAGE_STANDARD": "c++17",
            "OTHER_CFLAGS": ["-fstack-protector-strong", "-Wall", "-Wextra"]
          }
        }],
        ["OS=='win'", {
          "sources": ["native/platform_win32.cc"],
          "libraries": ["ntdll.lib"],
          "msvs_settings": {
            "VCCLCompilerTool": {
              "AdditionalOptions": ["/guard:cf", "/sdl", "/W3", "/std:c++17"]
            },
            "VCLinkerTool": {"AdditionalOptions": ["/DYNAMICBASE", "/guard:cf"]}
          }
        }],
        ["OS=='freebsd'", {
          "sources": ["native/platform_freebsd.cc", "native/lock_posix.cc"],
          "cflags": ["-fvisibility=hidden", "-fstack-protector-strong", "-Wall", "-Wextra"],
          "cflags_cc": ["-std=c++17"]
        }],
        ["OS not in ['linux', 'mac', 'win', 'freebsd']", {
          "sources": ["native/platform_unsupported.cc"]
        }]
      ]
    }
  ]
}
