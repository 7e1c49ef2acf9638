# Sourced by setup.sh (and its test): clean_npm_environment drops what an outer npm run-script exports.
#
# Under `npm start` / `npm test`, npm exports npm_config_* and npm_* variables to the scripts it runs, among them
# npm_config_user_agent naming the Node that npm runs on. A nested `npm install` run with another Node (code-server
# needs Node 24) would take them as its own configuration, and code-server's postinstall reads the Node version from
# that user agent and refuses. After this, a nested npm sees only what the caller sets explicitly.
# Drops what an outer npm run-script exports (npm_*, npm_config_*, INIT_CWD, NODE, node_modules/.bin on PATH).
clean_npm_environment() {
  local name entry kept=()
  for name in $(compgen -e); do
    case "$name" in
      npm_*|NPM_*|INIT_CWD|NODE|NODE_OPTIONS|NODE_PATH|COLOR) unset "$name" ;;
    esac
  done
  local IFS=:
  for entry in $PATH; do
    case "$entry" in
      */node_modules/.bin|*/node-gyp-bin) ;;
      *) kept+=("$entry") ;;
    esac
  done
  PATH="${kept[*]}"
  export PATH
}
