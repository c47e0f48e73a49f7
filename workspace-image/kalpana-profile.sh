# /etc/profile.d/kalpana.sh: Node 24, npm and code-server on PATH for login shells
# (Debian's /etc/profile resets PATH, so the image's ENV PATH alone is not enough there).
case ":$PATH:" in
  *:/opt/node/bin:*) ;;
  *) PATH="/opt/code-server/bin:/opt/node/bin:$PATH" ;;
esac
export PATH
