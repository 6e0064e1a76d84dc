int a;
mixed *arr;
mapping map;

atomic void change(int fail)
{
    a = 10;
    arr[0] = "changed";
    arr += ({ "more" });
    map["k"] = "v";
    map["old"] = nil;
    if (fail) {
	error("fail");
    }
}

void main()
{
    a = 1;
    arr = ({ "orig" });
    map = ([ "old" : 1 ]);
    writeln(catch(change(1)));
    writeln(a);
    writeln(arr);
    writeln(map);
    change(0);
    writeln(a);
    writeln(arr);
    writeln(map);
}
