#!/usr/bin/env bash
# Backup and restore, the two procedures of docs/OPERATIONS.md:
#  1. file backup: a validator stopped cleanly, its node key, keystore and ParityDB
#     directory archived, the node started again; later the machine is lost (kill -9,
#     everything deleted); restored from the archive, the node opens the database,
#     catches up with the network, and authors finalized blocks again under the same
#     peer id (still admitted) and session keys;
#  2. block export: the RPC node stopped, `export-blocks --binary` of its chain, then
#     a new base path filled by `import-blocks`; started on it, the node catches up.
TEST=backup-restore
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
v=cq-press
vdir="$NET_DIR/nodes/$v"
chain="chains/$NET_CHAIN_ID"

fresh_network 4
wait_until 60 "finalized #5" finalized_at_least cq-amr 5
show

say "backup of $v: stop (SIGTERM), archive node.key, keystore and paritydb, start again"
net_stop_node "$v"
tar -C "$vdir" -czf "$NET_DIR/$v-backup.tar.gz" node.key "base/$chain/keystore" "base/$chain/paritydb"
backup_fin=$(fin_of cq-amr)
say "archive: $(du -h "$NET_DIR/$v-backup.tar.gz" | cut -f1), taken with the network at finalized #$backup_fin"
net_start_node "$v"
sleep 20
show

say "disaster: kill -9 $v, delete its node key and base path"
net_stop_node "$v" KILL
rm -rf "$vdir/base" "$vdir/node.key"
sleep 5
say "restore from the archive and start"
tar -C "$vdir" -xzf "$NET_DIR/$v-backup.tar.gz"
from=$(($(log_lines "$v") + 1))
t=$(date +%s)
net_start_node "$v"
say "$v opened the restored database: $(tail -n +"$from" "$vdir/node.log" | grep -E 'Highest known block' | head -1 | cut -c21- | tr -s ' ')"
target=$(best_of cq-amr)
wait_until 60 "$v caught up to the network's best (#$target)" best_at_least "$v" "$target"
MIN_FIN=$target
wait_until 30 "$v on the network's finalized chain at or above #$target" agree_on_finalized "$v" cq-amr sc-amr
say "caught up in $(($(date +%s) - t)) s; peers $(peers_of "$v"); agreed finalized $AGREED"
grep -q "Local node identity is: $(peer_id "$v")" <(tail -n +"$from" "$vdir/node.log") || fail "$v restarted under another peer id"
authored_finalized() {
	local n h
	while read -r n h; do
		[ -n "$n" ] && finalized_at_least cq-amr "$n" && [ "$(hash_at cq-amr "$n")" = "$h" ] &&
			{ say "$v authored #$n after the restore, finalized"; return 0; }
	done < <(authored_since "$v" "$from")
	return 1
}
wait_until 60 "a block authored by the restored $v is finalized" authored_finalized

say "block export: stop the RPC node, export its blocks"
net_stop_node rpc
rdir="$NET_DIR/nodes/rpc"
"$NET_NODE" export-blocks --chain "$NET_DIR/spec.json" --base-path "$rdir/base" --binary --from 1 "$NET_DIR/blocks.bin" 2>"$NET_DIR/export.log" ||
	fail "export-blocks: $(tail -3 "$NET_DIR/export.log")"
say "exported $(du -h "$NET_DIR/blocks.bin" | cut -f1): $(grep -Eo 'Exporting blocks.*|#[0-9]+' "$NET_DIR/export.log" | tail -1)"
mv "$rdir/base" "$rdir/base.old"
"$NET_NODE" import-blocks --chain "$NET_DIR/spec.json" --base-path "$rdir/base" --state-pruning archive-canonical \
	--binary "$NET_DIR/blocks.bin" 2>"$NET_DIR/import.log" || fail "import-blocks: $(tail -3 "$NET_DIR/import.log")"
say "import-blocks: $(grep -E 'Imported [0-9]+ blocks' "$NET_DIR/import.log" | tail -1 | cut -c21- | tr -s ' ')"
net_start_node rpc
target=$(best_of cq-amr)
wait_until 60 "the RPC node, rebuilt from exported blocks, caught up (#$target)" best_at_least rpc "$target"
MIN_FIN=$target
wait_until 30 "all nodes on one finalized chain at or above #$target" agree_on_finalized
show
pass "a validator restored from its file backup and a node rebuilt from exported blocks both caught up"
