/* ++ and -- of a non-number name their argument, as DGD: "Bad argument 1 for kfun ++" */
void main()
{
    mixed a;
    string s;

    writeln(catch(a++));
    writeln(catch(--a));
    s = "x";
    a = s;
    writeln(catch(a--));
    a = 1.5;
    a++;
    writeln(a);
}
