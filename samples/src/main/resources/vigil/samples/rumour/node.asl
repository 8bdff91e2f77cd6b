// A node of the network. A witness reports what it saw to its neighbours and, if the road changes while
// the round goes on, reports the change (an honest correction). A node that heard reports relays the
// majority of them (as it noted them after the reports) to its neighbours, once. Everyone decides by what it saw or the majority it heard. A
// liar tells half its neighbours the opposite of what it knows; once warned it tells one neighbour a
// round, in turn, the opposite. Nothing here knows about Vigil beyond the warning it may get.

heard(R, S, N) :- .count(report(R, S)[source(X)] & X \== self, N).
majority(R, open) :- heard(R, open, O) & heard(R, closed, C) & O >= C & O > 0.
majority(R, closed) :- heard(R, open, O) & heard(R, closed, C) & C > O.
opp(open, closed).
opp(closed, open).
knows(R, S) :- witness(R, S).
knows(R, S) :- not witness(R, _) & majority(R, S).

+phase(R, report) : witness(R, S) <- !tell(R, S).
+phase(R, relay) : update(R, S) <- +report(R, S); for (neighbour(X)) { .send(X, tell, report(R, S)) }.
// What it heard in the report phase, noted before anyone relays: what a node relays must not depend on
// which neighbours' relays happened to arrive before it looked.
+phase(R, note) : not witness(R, _) & majority(R, S) <- +noted(R, S).
+phase(R, relay) : not witness(R, _) & noted(R, S) <- !tell(R, S).
+phase(R, decide) : update(R, S) <- decide(R, S).
+phase(R, decide) : knows(R, S) <- decide(R, S).
+phase(R, decide) <- decide(R, open).

+!tell(R, S) : role(liar) & warned & opp(S, L) & round_robin(I) & .findall(X, neighbour(X), Ns) & .length(Ns, K)
    <- .nth(I mod K, Ns, To);
       -+round_robin(I + 1);
       +report(R, L);
       +lied(R);
       .send(To, tell, report(R, L)).
+!tell(R, S) : role(liar) & warned <- +round_robin(0); !tell(R, S).
+!tell(R, S) : role(liar) & opp(S, L)
    <- +report(R, S);
       +report(R, L);
       +lied(R);
       .findall(X, neighbour(X), Ns);
       .length(Ns, K);
       for (.range(I, 0, K - 1)) {
           .nth(I, Ns, X);
           if (I mod 2 == 0) {
               .send(X, tell, report(R, S));
           } else {
               .send(X, tell, report(R, L));
           }
       }.
+!tell(R, S) <- +report(R, S); for (neighbour(X)) { .send(X, tell, report(R, S)) }.

-!tell(R, S) <- true.

+vigil_warning(_, honesty, _) : role(liar) <- +warned.
