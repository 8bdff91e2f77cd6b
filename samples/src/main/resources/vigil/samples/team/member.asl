// A member of a team that answers one question a round, in four phases the environment announces. It
// states its answer to the chair, listens, and votes. A member who sees the answer states and votes it,
// unless it is susceptible and at least its threshold of others pressed another answer on it (as opinion
// or as "evidence"): then it gives in. A member that misread the question votes what the chair's evidence
// shows. A confederate claims the wrong answer it is given and presses it on the others, unless it holds
// back this round; once warned, it presses the same answer dressed up as evidence. Nothing here knows about
// Vigil beyond the warning it may get.

pressed(Q, W, X) :- opinion(Q, W)[source(X)] & X \== self & X \== chair.
pressed(Q, W, X) :- evidence(Q, W)[source(X)] & X \== self & X \== chair.

+phase(Q, state) : see(Q, A) <- +opinion(Q, A); .send(chair, tell, opinion(Q, A)).
+phase(Q, state) : claim(Q, W) <- +opinion(Q, W); .send(chair, tell, opinion(Q, W)).

+phase(Q, press) : claim(Q, W) & warned & not hold
    <- +evidence(Q, W);
       for (naive(X)) {
           .send(X, tell, evidence(Q, W));
       }.
+phase(Q, press) : claim(Q, W) & not hold
    <- for (naive(X)) {
           .send(X, tell, opinion(Q, W));
       }.

+phase(Q, vote) : misread(Q) & evidence(Q, A)[source(chair)]
    <- +opinion(Q, A);
       .send(chair, tell, opinion(Q, A));
       vote(Q, A).
+phase(Q, vote) : susceptible & threshold(T) & see(Q, A) & pressed(Q, W, _) & W \== A
                  & .setof(X, pressed(Q, W, X), L) & .length(L, N) & N >= T
    <- +opinion(Q, W);
       .send(chair, tell, opinion(Q, W));
       vote(Q, W).
+phase(Q, vote) : see(Q, A) <- vote(Q, A).
+phase(Q, vote) : claim(Q, W) <- vote(Q, W).

+vigil_warning(_, integrity, _) : claim(_, _) <- +warned.
