// The CNP initiator (Jason's examples/contract-net-protocol c.asl, scaled up: see ORIGIN).
// Its rounds(R), participants(N) and base(B) beliefs are written before it.

all_proposals_received(CNPId,NP) :-              // NP = number of participants
     .count(propose(CNPId,_)[source(_)], NO) &   // number of proposes received
     .count(refuse(CNPId)[source(_)], NR) &      // number of refusals received
     NP = NO + NR.

!start.

+!start : participants(N)
   <- .df_register(initiator);
      !wait_participants(N);
      !cnp(1).

+!wait_participants(N)
   <- .df_search("participant",LP);
      if (.length(LP) < N) { .wait(20); !wait_participants(N) }
      else { .wait(100) }.   // their subscriptions to the initiators are answered by now

+!cnp(R) : rounds(Max) & R > Max <- vigil.bench.mas.finished.
+!cnp(R) : base(B)
   <- Id = B + R;
      !call(Id,fix(R),LP);
      !bid(Id,LP);
      !winner(Id,LO,WAg);
      !result(Id,LO,WAg);
      .abolish(propose(Id,_));
      .abolish(refuse(Id));
      !cnp(R + 1).

+!call(Id,Task,LP)
   <- .df_search("participant",LP);
      .send(LP,tell,cfp(Id,Task)).
+!bid(Id,LP) // the deadline of the CNP is now + 4 seconds (or all proposals received)
   <- .wait(all_proposals_received(Id,.length(LP)), 4000, _).
+!winner(Id,LO,WAg)
   :  .findall(offer(O,A),propose(Id,O)[source(A)],LO) & LO \== [] // there is a offer
   <- .min(LO,offer(WOf,WAg)). // the first offer is the best
+!winner(_,_,nowinner). // no offer case

+!result(_,[],_).
+!result(CNPId,[offer(_,WAg)|T],WAg) // announce result to the winner
   <- .send(WAg,tell,accept_proposal(CNPId));
      !result(CNPId,T,WAg).
+!result(CNPId,[offer(_,LAg)|T],WAg) // announce to others
   <- .send(LAg,tell,reject_proposal(CNPId));
      !result(CNPId,T,WAg).
