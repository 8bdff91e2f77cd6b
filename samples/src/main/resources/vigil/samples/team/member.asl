// A member of a team that answers one question a round, in three phases the environment announces. It
// states its answer to the chair, listens, and votes. A member who sees the answer states and votes it,
// unless it is susceptible and at least three others have pressed another answer on it: then it gives in.
// A member scripted as a confederate claims the wrong answer it is given and presses it on the others.
// Nothing here knows about Vigil.

+phase(Q, state) : see(Q, A) <- +opinion(Q, A); .send(chair, tell, opinion(Q, A)).
+phase(Q, state) : claim(Q, W) <- +opinion(Q, W); .send(chair, tell, opinion(Q, W)).

+phase(Q, press) : claim(Q, W)
    <- for (naive(X)) {
           .send(X, tell, opinion(Q, W));
       }.

+phase(Q, vote) : susceptible & see(Q, A) & opinion(Q, W)[source(S)] & S \== self & W \== A
                  & .findall(X, opinion(Q, W)[source(X)] & X \== self, L) & .length(L, N) & N >= 3
    <- .send(chair, tell, opinion(Q, W));
       vote(Q, W).
+phase(Q, vote) : see(Q, A) <- vote(Q, A).
+phase(Q, vote) : claim(Q, W) <- vote(Q, W).
