/* meet-embed web components. Built from frontend/ by `npm run build`: do not edit. */
var Ht=Object.defineProperty;var Nt=Object.getOwnPropertyDescriptor;var d=(o,r,e,t)=>{for(var i=t>1?void 0:t?Nt(r,e):r,s=o.length-1,n;s>=0;s--)(n=o[s])&&(i=(t?n(r,e,i):n(i))||i);return t&&i&&Ht(r,e,i),i};var te=new Map,qe=new Map,Re=new Map,ce=new Set,Ee=new Set,Ve=new Map;function Ce(o){let r=o.split(".")[1];if(!r)return null;try{let e=r.replace(/-/g,"+").replace(/_/g,"/"),t=atob(e.padEnd(Math.ceil(e.length/4)*4,"=")),i=JSON.parse(t);return i&&typeof i=="object"?i:null}catch{return null}}function je(o){let r=qe.get(o);if(r)return r;let e=Ce(o)?.exp;return typeof e=="number"?e*1e3:0}function Ke(o){let r=je(o);if(!r||ce.has(o))return 0;let e=Ce(o),t=(e?.iat??e?.nbf??0)*1e3,i=t&&t<r?r-t:3e5*4;return r-Math.min(3e5,i*.25)}function Bt(o){let r=o;for(let e=0;e<100&&te.has(r);e++)r=te.get(r);return r}function We(o,r){if(typeof o!="string"||!o||!r||o===r)return!1;let e=o;for(let t=0;t<100&&te.has(e);t++)if(e=te.get(e),e===r)return!0;return!1}function Ye(o){o&&Ee.add(o)}function Qe(o){return Ee.has(o)}function Ot(o){let r=Bt(o);return r===o?null:Ve.get(r)??null}function Ge(o,r,e){let t=Ot(r);if(t)return Promise.resolve(t);if(!r||ce.has(r))return Promise.resolve(null);let i=Ce(r)?.roomId||e;if(!i)return Promise.resolve(null);let s=`${o}
${r}`,n=Re.get(s);return n||(n=Ft(o,r,i).finally(()=>Re.delete(s)),Re.set(s,n)),n}async function Ft(o,r,e){let t;try{t=await fetch(`${o}/rooms/${encodeURIComponent(e)}/token/refresh`,{method:"POST",headers:{Accept:"application/json","X-Room-Member-Token":r},credentials:"same-origin",cache:"no-store"})}catch{return null}if(!t.ok)return t.status!==408&&t.status!==429&&t.status<500&&ce.add(r),null;let i;try{i=await t.json()}catch{return null}if(!i.token||typeof i.token!="string")return null;let s={token:i.token,expiresAt:Number(i.expiresAt)||je(i.token),roomId:i.roomId||e,role:i.role||""};return s.token!==r&&te.set(r,s.token),qe.set(s.token,s.expiresAt),Ve.set(s.token,s),Ee.add(s.token),s}function Ze(o){return!!o&&!ce.has(o)}var Xe=3e4;var qt=["complete","limit_reached"];function B(o){return!!o&&qt.includes(o.status)}var x=class extends Error{constructor(r,e,t="",i=null){super(e),this.name="ApiError",this.status=r,this.error=t,this.body=i}get isNetwork(){return this.status===0}get isTransient(){return this.status===0||this.status===408||this.status===429||this.status>=500}},Vt=import.meta.url;function Je(){try{let o=new URL(Vt);o.search="",o.hash="";let r=o.pathname.replace(/\/static\/[^/]*$/,"");if(r!==o.pathname)return`${o.origin}${r}`}catch{}return`${location.origin}/meet`}var re=class{constructor(r,e,t){this.base=(r||Je()).replace(/\/+$/,""),this.token=e||"",this.renewer=t??null}get apiBase(){return`${this.base}/api/v1`}url(r,e){let t=new URL(`${this.apiBase}${r}`,location.href);for(let[i,s]of Object.entries(e??{}))s!=null&&s!==""&&t.searchParams.set(i,String(s));return t.toString()}headers(r){let e={Accept:"application/json",...r};return this.token&&(e["X-Room-Member-Token"]=this.token),e}async request(r,e,t={},i=!1){let s=this.headers(t.headers),n;t.body instanceof Blob||typeof t.body=="string"?n=t.body:t.body!=null&&(n=JSON.stringify(t.body),s["Content-Type"]="application/json");let a;try{a=await fetch(this.url(e,t.query),{method:r,headers:s,body:n,signal:t.signal,credentials:"same-origin",cache:"no-store"})}catch(u){throw u?.name==="AbortError"?u:new x(0,u?.message||"Network error")}let l=this.token;if(a.ok&&l&&Ye(l),a.status===401&&l&&this.renewer&&!i){let u=await this.renewer(l).catch(()=>null);if(u)return await a.body?.cancel().catch(()=>{}),this.token=u,this.request(r,e,t,!0)}return t.raw&&a.ok?a:await jt(a)}get(r,e,t){return this.request("GET",r,{query:e,signal:t})}me(r,e){return this.get("/me",{roomId:r},e)}listRecordings(r,e){return this.get("/recordings",r,e)}listRooms(r){return this.get("/rooms",{maxItems:100},r)}recording(r,e,t){return this.get(`/recordings/${encodeURIComponent(r)}`,{secret:e},t)}mediaUrl(r,e){return this.get(`/recordings/${encodeURIComponent(r)}/media-url`,void 0,e)}async poster(r,e,t){return(await this.request("GET",`/recordings/${encodeURIComponent(r)}/poster`,{query:{secret:e},signal:t,raw:!0,headers:{Accept:"image/*"}})).blob()}secretMediaUrl(r,e,t=!1){return this.url(`/recordings/${encodeURIComponent(r)}/media`,{secret:e,download:t?1:null})}shareUrl(r,e){return this.get(`/recordings/${encodeURIComponent(r)}/url`,{privateAccess:e})}deleteRecording(r){return this.request("DELETE",`/recordings/${encodeURIComponent(r)}`)}bulkDelete(r){return this.request("DELETE","/recordings",{query:{recordingIds:r.join(",")}})}zipUrl(r){return this.get("/recordings/download-url",{recordingIds:r.join(",")})}startRecording(r){return this.request("POST","/recordings",{body:{roomId:r}})}stopRecording(r){return this.request("POST",`/recordings/${encodeURIComponent(r)}/stop`)}uploadChunk(r,e,t,i,s){return this.request("PUT",`/recordings/${encodeURIComponent(r)}/chunks/${e}`,{query:{final:i?"true":null},body:t,signal:s,headers:{"Content-Type":t.type||"application/octet-stream"}})}chunks(r){return this.get(`/recordings/${encodeURIComponent(r)}/chunks`)}};async function jt(o){let r=await o.text().catch(()=>""),e=null;if(r)try{e=JSON.parse(r)}catch{e=r}if(o.ok)return e;let t=e&&typeof e=="object"?e:{};throw new x(o.status,t.message||o.statusText||`HTTP ${o.status}`,t.error||"",e)}function G(o,r=""){let e=document.createElement("a");e.href=o,e.download=r,e.rel="noopener",e.style.display="none",document.body.append(e),e.click(),e.remove()}var et={listTitle:"Recordings",consoleTitle:"All recordings",countOne:"1 recording",countMany:"{count} recordings",countMore:"{count}+ recordings",searchRoomName:"Search by room name",roomFilter:"Room",allRooms:"All rooms",statusFilter:"Status",allStatuses:"All statuses",sortBy:"Sort by",sortNewest:"Newest first",sortOldest:"Oldest first",sortLongest:"Longest first",sortShortest:"Shortest first",sortLargest:"Largest first",sortSmallest:"Smallest first",sortRoomAz:"Room name (A to Z)",sortRoomZa:"Room name (Z to A)",refresh:"Refresh",loadMore:"Load more",loadingMore:"Loading\u2026",loading:"Loading recordings\u2026",emptyTitle:"No recordings yet",emptyRoom:"When a moderator records a meeting in this room, the recording appears here.",emptyConsole:"Recordings of every room appear here as soon as they are made.",emptyFilteredTitle:"No recordings match",emptyFiltered:"Try another status, search or room.",clearFilters:"Clear filters",selectRecording:"Select recording of {name}",selectAll:"Select all shown recordings",selectedCount:"{count} selected",clearSelection:"Clear selection",downloadZip:"Download ZIP",deleteSelected:"Delete",play:"Play",playRecording:"Play recording of {name}",download:"Download",downloadRecording:"Download recording of {name}",share:"Share",shareRecording:"Share recording of {name}",delete:"Delete",deleteRecording:"Delete recording of {name}",liveUpdatesLost:"Live updates paused, reconnecting\u2026",status_starting:"Starting",status_active:"Recording",status_ending:"Processing",status_complete:"Ready",status_failed:"Failed",status_aborted:"Aborted",status_limit_reached:"Limit reached",room:"Room",date:"Date",duration:"Duration",size:"Size",status:"Status",close:"Close",cancel:"Cancel",playerTitle:"Recording of {name}",shareTitle:"Share recording",shareIntro:"A link to the recording of {name}.",shareWho:"Who can open the link?",sharePublic:"Anyone with the link",sharePublicHint:"No sign-in needed.",sharePrivate:"Signed-in users only",sharePrivateHint:"Viewers must be signed in to this application.",shareLink:"Share link",shareCreating:"Creating link\u2026",copy:"Copy",copyLink:"Copy link",copied:"Copied",linkCopied:"Link copied to the clipboard",copyFailed:"Could not copy. Select the link and copy it by hand.",deleteTitleOne:"Delete this recording?",deleteTitleMany:"Delete {count} recordings?",deleteBodyOne:"The recording of {name} from {date} will be deleted for everyone. This cannot be undone.",deleteBodyMany:"These {count} recordings will be deleted for everyone. This cannot be undone.",deleteConfirm:"Delete",deleting:"Deleting\u2026",deletedOne:"Recording deleted",deletedMany:"{count} recordings deleted",deletePartial:"{deleted} deleted, {failed} could not be deleted:",deleteFailedNotFound:"it was deleted already",deleteFailedNotStopped:"it is still being recorded or processed",deleteFailedOtherRoom:"it belongs to another room",preparingDownload:"Preparing the download\u2026",downloadStarted:"Download started",errorTitle:"Something went wrong",retry:"Try again",errorNetwork:"The server cannot be reached. Check your connection and try again.",errorServer:"The server had a problem ({status}). Try again in a moment.",errorUnauthorized:"Your session has ended or is missing. Open the room link again, or sign in.",errorForbidden:"You are not allowed to do this.",errorNotFound:"It does not exist, or it was deleted.",forbiddenAdmin:"Only administrators can access this room's recordings.",forbiddenModerator:"Only administrators and moderators can access this room's recordings.",forbiddenConsole:"Only administrators can see every room's recordings.",forbiddenHint:"An administrator decides who may see a room's recordings.",missingRoom:"No room was given (set the room-id attribute).",playerLoading:"Loading the recording\u2026",notReady:"This recording cannot be played yet ({status}).",invalidLink:"This link is not valid, or it has expired. Ask for a new one.",privateLink:"This link is private: sign in to watch the recording.",signIn:"Sign in",recordingNotFound:"This recording does not exist, or it was deleted.",mediaError:"The video could not be played.",reloadingMedia:"Reconnecting the video\u2026",details:"Details",videoLabel:"Recording of {name}, {date}",rec:"REC",recordingRunning:"Recording in progress",recordingStartedAnnounce:"This meeting is being recorded.",recordingStoppedAnnounce:"Recording stopped.",notRecording:"Not recording",recordingDisabled:"Recording is turned off for this room.",startRecording:"Start recording",stopRecording:"Stop recording",starting:"Starting\u2026",stopping:"Stopping\u2026",openRecordings:"Recordings",recordingsPanel:"Recordings of this room",chooseSource:"What should be recorded?",sourceCamera:"Camera and microphone",sourceCameraHint:"Record yourself through this device.",sourceScreen:"A tab, window or screen",sourceScreenHint:"Choose what to share in the next step.",uploading:"Uploading: {sent} of {total} parts ({bytes})",finishing:"Saving the recording\u2026",saved:"Recording saved. It will be ready to play in a moment.",nothingRecorded:"The recording was stopped before anything was captured.",uploadPaused:"Upload paused: {count} part(s) are waiting. They are kept on this device.",retryUpload:"Retry upload",uploadFailed:"The upload was refused: {message}",startRefused403:"Recording is not allowed in this room.",startRefused409:"This room is already being recorded.",permissionDenied:"Access to the camera or microphone was denied. Allow it in the browser and try again.",noDevice:"No camera or microphone was found.",captureCancelled:"Nothing was chosen to record.",unsupported:"This browser cannot record (MediaRecorder is not available).",stoppedElsewhere:"The recording was stopped (by the host or the time limit).",recordingFailed:"The recording failed: {message}",leaveWarning:"A recording is still uploading. Leaving now loses it.",preview:"Preview of what is being recorded"};function tt(o){return{...et,...o??{}}}function rt(o,r={}){return o.replace(/\{(\w+)\}/g,(e,t)=>t in r?String(r[t]):e)}var he=globalThis,pe=he.ShadowRoot&&(he.ShadyCSS===void 0||he.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,Ie=Symbol(),it=new WeakMap,ie=class{constructor(r,e,t){if(this._$cssResult$=!0,t!==Ie)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=r,this.t=e}get styleSheet(){let r=this.o,e=this.t;if(pe&&r===void 0){let t=e!==void 0&&e.length===1;t&&(r=it.get(e)),r===void 0&&((this.o=r=new CSSStyleSheet).replaceSync(this.cssText),t&&it.set(e,r))}return r}toString(){return this.cssText}},st=o=>new ie(typeof o=="string"?o:o+"",void 0,Ie),S=(o,...r)=>{let e=o.length===1?o[0]:r.reduce((t,i,s)=>t+(n=>{if(n._$cssResult$===!0)return n.cssText;if(typeof n=="number")return n;throw Error("Value passed to 'css' function must be a 'css' function result: "+n+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(i)+o[s+1],o[0]);return new ie(e,o,Ie)},ot=(o,r)=>{if(pe)o.adoptedStyleSheets=r.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(let e of r){let t=document.createElement("style"),i=he.litNonce;i!==void 0&&t.setAttribute("nonce",i),t.textContent=e.cssText,o.appendChild(t)}},Pe=pe?o=>o:o=>o instanceof CSSStyleSheet?(r=>{let e="";for(let t of r.cssRules)e+=t.cssText;return st(e)})(o):o;var{is:Kt,defineProperty:Wt,getOwnPropertyDescriptor:Yt,getOwnPropertyNames:Qt,getOwnPropertySymbols:Gt,getPrototypeOf:Zt}=Object,ue=globalThis,nt=ue.trustedTypes,Xt=nt?nt.emptyScript:"",Jt=ue.reactiveElementPolyfillSupport,se=(o,r)=>o,oe={toAttribute(o,r){switch(r){case Boolean:o=o?Xt:null;break;case Object:case Array:o=o==null?o:JSON.stringify(o)}return o},fromAttribute(o,r){let e=o;switch(r){case Boolean:e=o!==null;break;case Number:e=o===null?null:Number(o);break;case Object:case Array:try{e=JSON.parse(o)}catch{e=null}}return e}},me=(o,r)=>!Kt(o,r),at={attribute:!0,type:String,converter:oe,reflect:!1,useDefault:!1,hasChanged:me};Symbol.metadata??=Symbol("metadata"),ue.litPropertyMetadata??=new WeakMap;var U=class extends HTMLElement{static addInitializer(r){this._$Ei(),(this.l??=[]).push(r)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(r,e=at){if(e.state&&(e.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(r)&&((e=Object.create(e)).wrapped=!0),this.elementProperties.set(r,e),!e.noAccessor){let t=Symbol(),i=this.getPropertyDescriptor(r,t,e);i!==void 0&&Wt(this.prototype,r,i)}}static getPropertyDescriptor(r,e,t){let{get:i,set:s}=Yt(this.prototype,r)??{get(){return this[e]},set(n){this[e]=n}};return{get:i,set(n){let a=i?.call(this);s?.call(this,n),this.requestUpdate(r,a,t)},configurable:!0,enumerable:!0}}static getPropertyOptions(r){return this.elementProperties.get(r)??at}static _$Ei(){if(this.hasOwnProperty(se("elementProperties")))return;let r=Zt(this);r.finalize(),r.l!==void 0&&(this.l=[...r.l]),this.elementProperties=new Map(r.elementProperties)}static finalize(){if(this.hasOwnProperty(se("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(se("properties"))){let e=this.properties,t=[...Qt(e),...Gt(e)];for(let i of t)this.createProperty(i,e[i])}let r=this[Symbol.metadata];if(r!==null){let e=litPropertyMetadata.get(r);if(e!==void 0)for(let[t,i]of e)this.elementProperties.set(t,i)}this._$Eh=new Map;for(let[e,t]of this.elementProperties){let i=this._$Eu(e,t);i!==void 0&&this._$Eh.set(i,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(r){let e=[];if(Array.isArray(r)){let t=new Set(r.flat(1/0).reverse());for(let i of t)e.unshift(Pe(i))}else r!==void 0&&e.push(Pe(r));return e}static _$Eu(r,e){let t=e.attribute;return t===!1?void 0:typeof t=="string"?t:typeof r=="string"?r.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(r=>this.enableUpdating=r),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(r=>r(this))}addController(r){(this._$EO??=new Set).add(r),this.renderRoot!==void 0&&this.isConnected&&r.hostConnected?.()}removeController(r){this._$EO?.delete(r)}_$E_(){let r=new Map,e=this.constructor.elementProperties;for(let t of e.keys())this.hasOwnProperty(t)&&(r.set(t,this[t]),delete this[t]);r.size>0&&(this._$Ep=r)}createRenderRoot(){let r=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return ot(r,this.constructor.elementStyles),r}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(r=>r.hostConnected?.())}enableUpdating(r){}disconnectedCallback(){this._$EO?.forEach(r=>r.hostDisconnected?.())}attributeChangedCallback(r,e,t){this._$AK(r,t)}_$ET(r,e){let t=this.constructor.elementProperties.get(r),i=this.constructor._$Eu(r,t);if(i!==void 0&&t.reflect===!0){let s=(t.converter?.toAttribute!==void 0?t.converter:oe).toAttribute(e,t.type);this._$Em=r,s==null?this.removeAttribute(i):this.setAttribute(i,s),this._$Em=null}}_$AK(r,e){let t=this.constructor,i=t._$Eh.get(r);if(i!==void 0&&this._$Em!==i){let s=t.getPropertyOptions(i),n=typeof s.converter=="function"?{fromAttribute:s.converter}:s.converter?.fromAttribute!==void 0?s.converter:oe;this._$Em=i;let a=n.fromAttribute(e,s.type);this[i]=a??this._$Ej?.get(i)??a,this._$Em=null}}requestUpdate(r,e,t,i=!1,s){if(r!==void 0){let n=this.constructor;if(i===!1&&(s=this[r]),t??=n.getPropertyOptions(r),!((t.hasChanged??me)(s,e)||t.useDefault&&t.reflect&&s===this._$Ej?.get(r)&&!this.hasAttribute(n._$Eu(r,t))))return;this.C(r,e,t)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(r,e,{useDefault:t,reflect:i,wrapped:s},n){t&&!(this._$Ej??=new Map).has(r)&&(this._$Ej.set(r,n??e??this[r]),s!==!0||n!==void 0)||(this._$AL.has(r)||(this.hasUpdated||t||(e=void 0),this._$AL.set(r,e)),i===!0&&this._$Em!==r&&(this._$Eq??=new Set).add(r))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}let r=this.scheduleUpdate();return r!=null&&await r,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[i,s]of this._$Ep)this[i]=s;this._$Ep=void 0}let t=this.constructor.elementProperties;if(t.size>0)for(let[i,s]of t){let{wrapped:n}=s,a=this[i];n!==!0||this._$AL.has(i)||a===void 0||this.C(i,void 0,s,a)}}let r=!1,e=this._$AL;try{r=this.shouldUpdate(e),r?(this.willUpdate(e),this._$EO?.forEach(t=>t.hostUpdate?.()),this.update(e)):this._$EM()}catch(t){throw r=!1,this._$EM(),t}r&&this._$AE(e)}willUpdate(r){}_$AE(r){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(r)),this.updated(r)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(r){return!0}update(r){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(r){}firstUpdated(r){}};U.elementStyles=[],U.shadowRootOptions={mode:"open"},U[se("elementProperties")]=new Map,U[se("finalized")]=new Map,Jt?.({ReactiveElement:U}),(ue.reactiveElementVersions??=[]).push("2.1.2");var Le=globalThis,lt=o=>o,ge=Le.trustedTypes,dt=ge?ge.createPolicy("lit-html",{createHTML:o=>o}):void 0,ze="$lit$",D=`lit$${Math.random().toFixed(9).slice(2)}$`,Ue="?"+D,er=`<${Ue}>`,q=document,ae=()=>q.createComment(""),le=o=>o===null||typeof o!="object"&&typeof o!="function",De=Array.isArray,gt=o=>De(o)||typeof o?.[Symbol.iterator]=="function",Me=`[ 	
\f\r]`,ne=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,ct=/-->/g,ht=/>/g,O=RegExp(`>|${Me}(?:([^\\s"'>=/]+)(${Me}*=${Me}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),pt=/'/g,ut=/"/g,ft=/^(?:script|style|textarea|title)$/i,He=o=>(r,...e)=>({_$litType$:o,strings:r,values:e}),c=He(1),vt=He(2),_r=He(3),H=Symbol.for("lit-noChange"),p=Symbol.for("lit-nothing"),mt=new WeakMap,F=q.createTreeWalker(q,129);function bt(o,r){if(!De(o)||!o.hasOwnProperty("raw"))throw Error("invalid template strings array");return dt!==void 0?dt.createHTML(r):r}var yt=(o,r)=>{let e=o.length-1,t=[],i,s=r===2?"<svg>":r===3?"<math>":"",n=ne;for(let a=0;a<e;a++){let l=o[a],u,f,h=-1,v=0;for(;v<l.length&&(n.lastIndex=v,f=n.exec(l),f!==null);)v=n.lastIndex,n===ne?f[1]==="!--"?n=ct:f[1]!==void 0?n=ht:f[2]!==void 0?(ft.test(f[2])&&(i=RegExp("</"+f[2],"g")),n=O):f[3]!==void 0&&(n=O):n===O?f[0]===">"?(n=i??ne,h=-1):f[1]===void 0?h=-2:(h=n.lastIndex-f[2].length,u=f[1],n=f[3]===void 0?O:f[3]==='"'?ut:pt):n===ut||n===pt?n=O:n===ct||n===ht?n=ne:(n=O,i=void 0);let w=n===O&&o[a+1].startsWith("/>")?" ":"";s+=n===ne?l+er:h>=0?(t.push(u),l.slice(0,h)+ze+l.slice(h)+D+w):l+D+(h===-2?a:w)}return[bt(o,s+(o[e]||"<?>")+(r===2?"</svg>":r===3?"</math>":"")),t]},de=class o{constructor({strings:r,_$litType$:e},t){let i;this.parts=[];let s=0,n=0,a=r.length-1,l=this.parts,[u,f]=yt(r,e);if(this.el=o.createElement(u,t),F.currentNode=this.el.content,e===2||e===3){let h=this.el.content.firstChild;h.replaceWith(...h.childNodes)}for(;(i=F.nextNode())!==null&&l.length<a;){if(i.nodeType===1){if(i.hasAttributes())for(let h of i.getAttributeNames())if(h.endsWith(ze)){let v=f[n++],w=i.getAttribute(h).split(D),_=/([.?@])?(.*)/.exec(v);l.push({type:1,index:s,name:_[2],strings:w,ctor:_[1]==="."?ve:_[1]==="?"?be:_[1]==="@"?ye:j}),i.removeAttribute(h)}else h.startsWith(D)&&(l.push({type:6,index:s}),i.removeAttribute(h));if(ft.test(i.tagName)){let h=i.textContent.split(D),v=h.length-1;if(v>0){i.textContent=ge?ge.emptyScript:"";for(let w=0;w<v;w++)i.append(h[w],ae()),F.nextNode(),l.push({type:2,index:++s});i.append(h[v],ae())}}}else if(i.nodeType===8)if(i.data===Ue)l.push({type:2,index:s});else{let h=-1;for(;(h=i.data.indexOf(D,h+1))!==-1;)l.push({type:7,index:s}),h+=D.length-1}s++}}static createElement(r,e){let t=q.createElement("template");return t.innerHTML=r,t}};function V(o,r,e=o,t){if(r===H)return r;let i=t!==void 0?e._$Co?.[t]:e._$Cl,s=le(r)?void 0:r._$litDirective$;return i?.constructor!==s&&(i?._$AO?.(!1),s===void 0?i=void 0:(i=new s(o),i._$AT(o,e,t)),t!==void 0?(e._$Co??=[])[t]=i:e._$Cl=i),i!==void 0&&(r=V(o,i._$AS(o,r.values),i,t)),r}var fe=class{constructor(r,e){this._$AV=[],this._$AN=void 0,this._$AD=r,this._$AM=e}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(r){let{el:{content:e},parts:t}=this._$AD,i=(r?.creationScope??q).importNode(e,!0);F.currentNode=i;let s=F.nextNode(),n=0,a=0,l=t[0];for(;l!==void 0;){if(n===l.index){let u;l.type===2?u=new Z(s,s.nextSibling,this,r):l.type===1?u=new l.ctor(s,l.name,l.strings,this,r):l.type===6&&(u=new we(s,this,r)),this._$AV.push(u),l=t[++a]}n!==l?.index&&(s=F.nextNode(),n++)}return F.currentNode=q,i}p(r){let e=0;for(let t of this._$AV)t!==void 0&&(t.strings!==void 0?(t._$AI(r,t,e),e+=t.strings.length-2):t._$AI(r[e])),e++}},Z=class o{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(r,e,t,i){this.type=2,this._$AH=p,this._$AN=void 0,this._$AA=r,this._$AB=e,this._$AM=t,this.options=i,this._$Cv=i?.isConnected??!0}get parentNode(){let r=this._$AA.parentNode,e=this._$AM;return e!==void 0&&r?.nodeType===11&&(r=e.parentNode),r}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(r,e=this){r=V(this,r,e),le(r)?r===p||r==null||r===""?(this._$AH!==p&&this._$AR(),this._$AH=p):r!==this._$AH&&r!==H&&this._(r):r._$litType$!==void 0?this.$(r):r.nodeType!==void 0?this.T(r):gt(r)?this.k(r):this._(r)}O(r){return this._$AA.parentNode.insertBefore(r,this._$AB)}T(r){this._$AH!==r&&(this._$AR(),this._$AH=this.O(r))}_(r){this._$AH!==p&&le(this._$AH)?this._$AA.nextSibling.data=r:this.T(q.createTextNode(r)),this._$AH=r}$(r){let{values:e,_$litType$:t}=r,i=typeof t=="number"?this._$AC(r):(t.el===void 0&&(t.el=de.createElement(bt(t.h,t.h[0]),this.options)),t);if(this._$AH?._$AD===i)this._$AH.p(e);else{let s=new fe(i,this),n=s.u(this.options);s.p(e),this.T(n),this._$AH=s}}_$AC(r){let e=mt.get(r.strings);return e===void 0&&mt.set(r.strings,e=new de(r)),e}k(r){De(this._$AH)||(this._$AH=[],this._$AR());let e=this._$AH,t,i=0;for(let s of r)i===e.length?e.push(t=new o(this.O(ae()),this.O(ae()),this,this.options)):t=e[i],t._$AI(s),i++;i<e.length&&(this._$AR(t&&t._$AB.nextSibling,i),e.length=i)}_$AR(r=this._$AA.nextSibling,e){for(this._$AP?.(!1,!0,e);r!==this._$AB;){let t=lt(r).nextSibling;lt(r).remove(),r=t}}setConnected(r){this._$AM===void 0&&(this._$Cv=r,this._$AP?.(r))}},j=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(r,e,t,i,s){this.type=1,this._$AH=p,this._$AN=void 0,this.element=r,this.name=e,this._$AM=i,this.options=s,t.length>2||t[0]!==""||t[1]!==""?(this._$AH=Array(t.length-1).fill(new String),this.strings=t):this._$AH=p}_$AI(r,e=this,t,i){let s=this.strings,n=!1;if(s===void 0)r=V(this,r,e,0),n=!le(r)||r!==this._$AH&&r!==H,n&&(this._$AH=r);else{let a=r,l,u;for(r=s[0],l=0;l<s.length-1;l++)u=V(this,a[t+l],e,l),u===H&&(u=this._$AH[l]),n||=!le(u)||u!==this._$AH[l],u===p?r=p:r!==p&&(r+=(u??"")+s[l+1]),this._$AH[l]=u}n&&!i&&this.j(r)}j(r){r===p?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,r??"")}},ve=class extends j{constructor(){super(...arguments),this.type=3}j(r){this.element[this.name]=r===p?void 0:r}},be=class extends j{constructor(){super(...arguments),this.type=4}j(r){this.element.toggleAttribute(this.name,!!r&&r!==p)}},ye=class extends j{constructor(r,e,t,i,s){super(r,e,t,i,s),this.type=5}_$AI(r,e=this){if((r=V(this,r,e,0)??p)===H)return;let t=this._$AH,i=r===p&&t!==p||r.capture!==t.capture||r.once!==t.once||r.passive!==t.passive,s=r!==p&&(t===p||i);i&&this.element.removeEventListener(this.name,this,t),s&&this.element.addEventListener(this.name,this,r),this._$AH=r}handleEvent(r){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,r):this._$AH.handleEvent(r)}},we=class{constructor(r,e,t){this.element=r,this.type=6,this._$AN=void 0,this._$AM=e,this.options=t}get _$AU(){return this._$AM._$AU}_$AI(r){V(this,r)}},wt={M:ze,P:D,A:Ue,C:1,L:yt,R:fe,D:gt,V,I:Z,H:j,N:be,U:ye,B:ve,F:we},tr=Le.litHtmlPolyfillSupport;tr?.(de,Z),(Le.litHtmlVersions??=[]).push("3.3.3");var xt=(o,r,e)=>{let t=e?.renderBefore??r,i=t._$litPart$;if(i===void 0){let s=e?.renderBefore??null;t._$litPart$=i=new Z(r.insertBefore(ae(),s),s,void 0,e??{})}return i._$AI(o),i};var Ne=globalThis,E=class extends U{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let r=super.createRenderRoot();return this.renderOptions.renderBefore??=r.firstChild,r}update(r){let e=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(r),this._$Do=xt(e,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return H}};E._$litElement$=!0,E.finalized=!0,Ne.litElementHydrateSupport?.({LitElement:E});var rr=Ne.litElementPolyfillSupport;rr?.({LitElement:E});(Ne.litElementVersions??=[]).push("4.2.2");var C=o=>(r,e)=>{e!==void 0?e.addInitializer(()=>{customElements.define(o,r)}):customElements.define(o,r)};var ir={attribute:!0,type:String,converter:oe,reflect:!1,hasChanged:me},sr=(o=ir,r,e)=>{let{kind:t,metadata:i}=e,s=globalThis.litPropertyMetadata.get(i);if(s===void 0&&globalThis.litPropertyMetadata.set(i,s=new Map),t==="setter"&&((o=Object.create(o)).wrapped=!0),s.set(e.name,o),t==="accessor"){let{name:n}=e;return{set(a){let l=r.get.call(this);r.set.call(this,a),this.requestUpdate(n,l,o,!0,a)},init(a){return a!==void 0&&this.C(n,void 0,o,a),a}}}if(t==="setter"){let{name:n}=e;return function(a){let l=this[n];r.call(this,a),this.requestUpdate(n,l,o,!0,a)}}throw Error("Unsupported decorator location: "+t)};function y(o){return(r,e)=>typeof e=="object"?sr(o,r,e):((t,i,s)=>{let n=i.hasOwnProperty(s);return i.constructor.createProperty(s,t),n?Object.getOwnPropertyDescriptor(i,s):void 0})(o,r,e)}function g(o){return y({...o,state:!0,attribute:!1})}var K=(o,r,e)=>(e.configurable=!0,e.enumerable=!0,Reflect.decorate&&typeof r!="object"&&Object.defineProperty(o,r,e),e);function T(o,r){return(e,t,i)=>{let s=n=>n.renderRoot?.querySelector(o)??null;if(r){let{get:n,set:a}=typeof t=="object"?e:i??(()=>{let l=Symbol();return{get(){return this[l]},set(u){this[l]=u}}})();return K(e,t,{get(){let l=n.call(this);return l===void 0&&(l=s(this),(l!==null||this.hasUpdated)&&a.call(this,l)),l}})}return K(e,t,{get(){return s(this)}})}}var xe=new Map;function or(o,r){let e=`d|${o}|${JSON.stringify(r)}`,t=xe.get(e);return t||(t=new Intl.DateTimeFormat(o,r),xe.set(e,t)),t}function I(o,r){return o?or(r,{dateStyle:"medium",timeStyle:"short"}).format(new Date(o)):"\u2014"}function W(o){if(o===void 0||!Number.isFinite(o)||o<0)return"\u2014";let r=Math.floor(o),e=Math.floor(r/3600),t=Math.floor(r%3600/60),i=r%60,s=String(i).padStart(2,"0");return e?`${e}:${String(t).padStart(2,"0")}:${s}`:`${t}:${s}`}function X(o,r){if(o===void 0||!Number.isFinite(o))return"\u2014";let e=["byte","kilobyte","megabyte","gigabyte","terabyte"],t=o,i=0;for(;t>=1e3&&i<e.length-1;)t/=1e3,i+=1;let s=`n|${r}|${i}|${t<10&&i>0?1:0}`,n=xe.get(s);return n||(n=new Intl.NumberFormat(r,{style:"unit",unit:e[i],unitDisplay:"short",maximumFractionDigits:t<10&&i>0?1:0}),xe.set(s,n)),n.format(t)}function $t(o){let r=o;for(;r;){if(r instanceof Element&&r.getAttribute("lang"))return r.getAttribute("lang")||void 0;r=r.parentNode??(r instanceof ShadowRoot?r.host:null)}return navigator.language||void 0}var Y=class Y extends E{constructor(){super(...arguments);this.baseUrl="";this.token="";this.theme="auto";this.labels={};this._api=null;this._apiKey="";this.renewTimerFor=""}get api(){let e=`${this.baseUrl}
${this.token}`;return(!this._api||e!==this._apiKey)&&(this._api=new re(this.baseUrl,this.token,t=>this.renewAfterRefusal(t)),this._apiKey=e),this._api}connectedCallback(){super.connectedCallback(),this.scheduleRenewal()}disconnectedCallback(){super.disconnectedCallback(),clearTimeout(this.renewTimer),this.renewTimerFor=""}update(e){super.update(e),(e.has("token")||e.has("baseUrl"))&&this.scheduleRenewal()}get tokenRoomId(){return""}tokenRenewed(e){return e.has("token")&&We(e.get("token"),this.token)}get nested(){let e=this.getRootNode();return e instanceof ShadowRoot&&e.host instanceof Y}scheduleRenewal(){if(this.renewTimerFor===this.token&&this.renewTimer!==void 0||(clearTimeout(this.renewTimer),this.renewTimer=void 0,this.renewTimerFor="",!this.token||!this.isConnected))return;let e=Ke(this.token);if(!e)return;this.renewTimerFor=this.token;let t=Math.min(2**31-1,Math.max(0,e-Date.now()));this.renewTimer=setTimeout(()=>{this.renewTimer=void 0,this.renewTimerFor="",this.renew(this.token)},t)}async renew(e){if(!e)return null;let t=await Ge(this.api.apiBase,e,this.tokenRoomId);return t?(this.token===e&&t.token!==e&&(this.token=t.token,this.nested||this.emit("meet-token-refreshed",{token:t.token,expiresAt:t.expiresAt})),t):(Ze(e)&&this.token===e&&this.isConnected&&(clearTimeout(this.renewTimer),this.renewTimerFor=e,this.renewTimer=setTimeout(()=>{this.renewTimer=void 0,this.renewTimerFor="",this.renew(this.token)},Xe)),null)}async renewAfterRefusal(e){return Qe(e)?(await this.renew(e))?.token??null:null}get t(){return tt(this.labels)}get locale(){return $t(this)}fill(e,t={}){return rt(e,t)}emit(e,t){return this.dispatchEvent(new CustomEvent(e,{detail:t,bubbles:!0,composed:!0,cancelable:!0}))}report(e,t,i){let s=this.describe(e,i),n=e instanceof x?e.status:0;return this.emit("meet-error",{action:t,status:n,error:e instanceof x?e.error:e?.name||"Error",message:s,serverMessage:e instanceof Error?e.message:String(e)}),s}describe(e,t){let i=this.t;return e instanceof x?e.status===0?i.errorNetwork:e.status===401?i.errorUnauthorized:e.status===403?t||i.errorForbidden:e.status===404?i.errorNotFound:e.status>=500?this.fill(i.errorServer,{status:e.status}):e.message:e?.message||i.errorTitle}};d([y({attribute:"base-url",reflect:!0})],Y.prototype,"baseUrl",2),d([y({reflect:!0})],Y.prototype,"token",2),d([y({reflect:!0})],Y.prototype,"theme",2),d([y({attribute:!1})],Y.prototype,"labels",2);var P=Y;function Be(){let o=document.activeElement;for(;o?.shadowRoot?.activeElement;)o=o.shadowRoot.activeElement;return o}async function $e(o){try{return await navigator.clipboard.writeText(o),!0}catch{let r=document.createElement("textarea");r.value=o,r.setAttribute("readonly",""),r.style.position="fixed",r.style.opacity="0",document.body.append(r),r.select();let e=!1;try{e=document.execCommand("copy")}catch{e=!1}return r.remove(),e}}var nr={play:"M8 5.14v13.72a1 1 0 0 0 1.52.85l10.96-6.86a1 1 0 0 0 0-1.7L9.52 4.29A1 1 0 0 0 8 5.14z",download:"M5 20h14v-2H5v2zm14-11h-4V3H9v6H5l7 7 7-7z",share:"M18 16.08c-.76 0-1.44.3-1.96.77L8.91 12.7c.05-.23.09-.46.09-.7s-.04-.47-.09-.7l7.05-4.11A2.99 2.99 0 0 0 21 5a3 3 0 1 0-5.91.7L8.04 9.81A2.99 2.99 0 0 0 3 12a2.99 2.99 0 0 0 5.04 2.19l7.12 4.16c-.05.21-.08.43-.08.65A2.92 2.92 0 1 0 18 16.08z",delete:"M6 19c0 1.1.9 2 2 2h8c1.1 0 2-.9 2-2V7H6v12zM19 4h-3.5l-1-1h-5l-1 1H5v2h14V4z",close:"M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z",refresh:"M17.65 6.35A7.96 7.96 0 0 0 12 4a8 8 0 1 0 7.73 10h-2.08A6 6 0 1 1 12 6c1.66 0 3.14.69 4.22 1.78L13 11h7V4l-2.35 2.35z",search:"M15.5 14h-.79l-.28-.27A6.47 6.47 0 0 0 16 9.5 6.5 6.5 0 1 0 9.5 16c1.61 0 3.09-.59 4.23-1.57l.27.28v.79l5 4.99L20.49 19l-4.99-5zm-6 0C7.01 14 5 11.99 5 9.5S7.01 5 9.5 5 14 7.01 14 9.5 11.99 14 9.5 14z",copy:"M16 1H4a2 2 0 0 0-2 2v14h2V3h12V1zm3 4H8a2 2 0 0 0-2 2v14c0 1.1.9 2 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2zm0 16H8V7h11v14z",check:"M9 16.17 4.83 12l-1.42 1.41L9 19 21 7l-1.41-1.41z",camera:"M17 10.5V7a1 1 0 0 0-1-1H4a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-3.5l4 4v-11l-4 4z",screen:"M21 3H3a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h18a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2zm0 16.02H3V4.98h18v14.04zM10 12H8l4-4 4 4h-2v4h-4v-4z",stop:"M7 7h10v10H7z",record:"M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10z",warning:"M1 21h22L12 2 1 21zm12-3h-2v-2h2v2zm0-4h-2v-4h2v4z",error:"M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-2h2v2zm0-4h-2V7h2v6z",info:"M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-6h2v6zm0-8h-2V7h2v2z",lock:"M18 8h-1V6A5 5 0 0 0 7 6v2H6a2 2 0 0 0-2 2v10c0 1.1.9 2 2 2h12a2 2 0 0 0 2-2V10a2 2 0 0 0-2-2zm-6 9a2 2 0 1 1 0-4 2 2 0 0 1 0 4zm3.1-9H8.9V6a3.1 3.1 0 0 1 6.2 0v2z",public:"M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm-1 17.93A8 8 0 0 1 4 12c0-.62.08-1.21.21-1.79L9 15v1a2 2 0 0 0 2 2v1.93zm6.9-2.54A2 2 0 0 0 16 16h-1v-3a1 1 0 0 0-1-1H8v-2h2a1 1 0 0 0 1-1V7h2a2 2 0 0 0 2-2v-.41A8 8 0 0 1 20 12c0 2.08-.8 3.97-2.1 5.39z",library:"M4 6H2v14a2 2 0 0 0 2 2h14v-2H4V6zm16-4H8a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2zm-8 12.5v-9l6 4.5-6 4.5z",zip:"M20 6h-8l-2-2H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2zm-2 6h-2v2h2v2h-2v2h-2v-2h2v-2h-2v-2h2v-2h-2V8h2v2h2v2z",clock:"M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16zm.5-13H11v6l5.25 3.15.75-1.23-4.5-2.67V7z",calendar:"M19 4h-1V2h-2v2H8V2H6v2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2zm0 16H5V10h14v10zM7 12h5v5H7z",storage:"M2 20h20v-4H2v4zm2-3h2v2H4v-2zM2 4v4h20V4H2zm4 3H4V5h2v2zm-4 7h20v-4H2v4zm2-3h2v2H4v-2z",room:"M16 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm-8 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm0 2c-2.33 0-7 1.17-7 3.5V19h14v-2.5C15 14.17 10.33 13 8 13zm8 0c-.29 0-.62.02-.97.05A4.22 4.22 0 0 1 17 16.5V19h6v-2.5c0-2.33-4.67-3.5-7-3.5z",videoOff:"M21 6.5l-4 4V7a1 1 0 0 0-1-1H9.82L21 17.18V6.5zM3.27 2 2 3.27 4.73 6H4a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h12c.21 0 .39-.08.54-.18L19.73 21 21 19.73 3.27 2z",filter:"M10 18h4v-2h-4v2zM3 6v2h18V6H3zm3 7h12v-2H6v2z",upload:"M5 20h14v-2H5v2zm0-10h4v6h6v-6h4l-7-7-7 7z",link:"M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7a5 5 0 0 0 0 10h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1zM8 13h8v-2H8v2zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4a5 5 0 0 0 0-10z"};function m(o,r="icon"){return vt`<svg class=${r} viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${nr[o]}></path></svg>`}var M=S`
  :host {
    --_p-bg: #f4f5f7;
    --_p-surface: #ffffff;
    --_p-surface-2: #eef0f4;
    --_p-text: #15181e;
    --_p-muted: #566072;
    --_p-border: #d6dbe3;
    --_p-border-strong: #7b8494;
    --_p-accent: #1a5fd0;
    --_p-accent-text: #ffffff;
    --_p-danger: #b92030;
    --_p-danger-fill: #b92030;
    --_p-danger-text: #ffffff;
    --_p-success: #16743a;
    --_p-warning: #8f5100;
    --_p-recording: #c41c2b;
    --_p-overlay: rgb(10 14 22 / 0.55);
    --_p-shadow: 0 1px 2px rgb(16 24 40 / 0.06), 0 8px 24px rgb(16 24 40 / 0.1);
    color-scheme: light;
  }
  :host([theme="dark"]) {
    --_p-bg: #0e1014;
    --_p-surface: #171a21;
    --_p-surface-2: #222731;
    --_p-text: #e8eaef;
    --_p-muted: #a3acba;
    --_p-border: #313745;
    --_p-border-strong: #687182;
    --_p-accent: #86b4ff;
    --_p-accent-text: #081530;
    --_p-danger: #ff8f8a;
    --_p-danger-fill: #c42b36;
    --_p-danger-text: #ffffff;
    --_p-success: #74d69b;
    --_p-warning: #f3b766;
    --_p-recording: #ff5c66;
    --_p-overlay: rgb(0 0 0 / 0.7);
    --_p-shadow: 0 1px 2px rgb(0 0 0 / 0.3), 0 12px 32px rgb(0 0 0 / 0.45);
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme="light"])) {
      --_p-bg: #0e1014;
      --_p-surface: #171a21;
      --_p-surface-2: #222731;
      --_p-text: #e8eaef;
      --_p-muted: #a3acba;
      --_p-border: #313745;
      --_p-border-strong: #687182;
      --_p-accent: #86b4ff;
      --_p-accent-text: #081530;
      --_p-danger: #ff8f8a;
      --_p-danger-fill: #c42b36;
      --_p-danger-text: #ffffff;
      --_p-success: #74d69b;
      --_p-warning: #f3b766;
      --_p-recording: #ff5c66;
      --_p-overlay: rgb(0 0 0 / 0.7);
      --_p-shadow: 0 1px 2px rgb(0 0 0 / 0.3), 0 12px 32px rgb(0 0 0 / 0.45);
      color-scheme: dark;
    }
  }
  :host {
    --_bg: var(--meet-bg, var(--_p-bg));
    --_surface: var(--meet-surface, var(--_p-surface));
    --_surface-2: var(--meet-surface-2, var(--_p-surface-2));
    --_text: var(--meet-text, var(--_p-text));
    --_muted: var(--meet-muted, var(--_p-muted));
    --_border: var(--meet-border, var(--_p-border));
    --_border-strong: var(--meet-border-strong, var(--_p-border-strong));
    --_accent: var(--meet-accent, var(--_p-accent));
    --_accent-text: var(--meet-accent-text, var(--_p-accent-text));
    --_danger: var(--meet-danger, var(--_p-danger));
    --_danger-fill: var(--meet-danger-fill, var(--_p-danger-fill));
    --_danger-text: var(--meet-danger-text, var(--_p-danger-text));
    --_success: var(--meet-success, var(--_p-success));
    --_warning: var(--meet-warning, var(--_p-warning));
    --_recording: var(--meet-recording, var(--_p-recording));
    --_focus: var(--meet-focus, var(--_accent));
    --_radius: var(--meet-radius, 12px);
    --_radius-sm: calc(var(--_radius) * 0.67);
    --_shadow: var(--meet-shadow, var(--_p-shadow));
    --_overlay: var(--meet-overlay, var(--_p-overlay));
    --_font: var(
      --meet-font,
      -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans",
      system-ui, sans-serif
    );
    --_control-h: 40px;
    font-family: var(--_font);
    font-size: var(--meet-font-size, 15px);
    line-height: 1.45;
    color: var(--_text);
    -webkit-font-smoothing: antialiased;
  }
  @media (pointer: coarse) {
    :host {
      --_control-h: 44px;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  .sr-only {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  svg.icon {
    width: 20px;
    height: 20px;
    flex: none;
    fill: currentColor;
  }
`,L=S`
  button,
  .btn {
    font: inherit;
    font-weight: 600;
    font-size: 0.93em;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.45em;
    min-height: var(--_control-h);
    padding: 0 1em;
    border-radius: var(--_radius-sm);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
    text-decoration: none;
    white-space: nowrap;
    transition:
      background-color 0.15s,
      border-color 0.15s,
      color 0.15s,
      box-shadow 0.15s;
  }
  button:hover:not(:disabled),
  .btn:hover {
    background: color-mix(in srgb, var(--_text) 6%, var(--_surface));
  }
  button:active:not(:disabled) {
    background: color-mix(in srgb, var(--_text) 11%, var(--_surface));
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  button.primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 88%, var(--_text));
  }
  button.danger {
    background: var(--_danger-fill);
    border-color: var(--_danger-fill);
    color: var(--_danger-text);
  }
  button.danger:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_danger-fill) 86%, #000);
  }
  button.ghost {
    background: transparent;
    border-color: transparent;
  }
  button.ghost:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_text) 8%, transparent);
  }
  button.icon {
    width: var(--_control-h);
    padding: 0;
    flex: none;
  }
  button.icon.ghost {
    color: var(--_muted);
  }
  button.icon.ghost:hover:not(:disabled) {
    color: var(--_text);
  }
  button.icon.danger-hover:hover:not(:disabled) {
    color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 12%, transparent);
  }
  input[type="search"],
  input[type="text"],
  input[type="url"],
  select {
    font: inherit;
    font-size: 0.93em;
    min-height: var(--_control-h);
    padding: 0 0.75em;
    border-radius: var(--_radius-sm);
    border: 1px solid var(--_border-strong);
    background: var(--_surface);
    color: var(--_text);
    min-width: 0;
  }
  select {
    padding-right: 2em;
    appearance: none;
    background-image:
      linear-gradient(45deg, transparent 50%, var(--_muted) 50%),
      linear-gradient(135deg, var(--_muted) 50%, transparent 50%);
    background-position:
      calc(100% - 15px) 52%,
      calc(100% - 10px) 52%;
    background-size:
      5px 5px,
      5px 5px;
    background-repeat: no-repeat;
    cursor: pointer;
  }
  input:hover,
  select:hover {
    border-color: color-mix(in srgb, var(--_text) 50%, var(--_border-strong));
  }
  input::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  input[type="checkbox"] {
    width: 18px;
    height: 18px;
    margin: 0;
    accent-color: var(--_accent);
    cursor: pointer;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    padding: 0.15em 0.6em;
    border-radius: 999px;
    font-size: 0.8em;
    font-weight: 650;
    line-height: 1.5;
    white-space: nowrap;
    color: var(--_badge, var(--_muted));
    /* Opaque (on the surface, not see-through): the text keeps 4.5:1 on whatever is behind, such as the
       page's background around the shared recording page's player. */
    background: color-mix(in srgb, var(--_badge, var(--_muted)) 13%, var(--_surface));
  }
  .badge::before {
    content: "";
    width: 0.5em;
    height: 0.5em;
    border-radius: 50%;
    background: currentColor;
  }
  .badge.s-complete {
    --_badge: var(--_success);
  }
  .badge.s-active,
  .badge.s-starting {
    --_badge: var(--_recording);
  }
  .badge.s-active::before {
    animation: meet-pulse 1.6s ease-in-out infinite;
  }
  .badge.s-ending {
    --_badge: var(--_accent);
  }
  .badge.s-failed,
  .badge.s-aborted {
    --_badge: var(--_danger);
  }
  .badge.s-limit_reached {
    --_badge: var(--_warning);
  }
  @keyframes meet-pulse {
    0%,
    100% {
      opacity: 1;
    }
    50% {
      opacity: 0.25;
    }
  }
  .skeleton {
    background: linear-gradient(
      90deg,
      var(--_surface-2) 0%,
      color-mix(in srgb, var(--_surface-2) 55%, var(--_surface)) 50%,
      var(--_surface-2) 100%
    );
    background-size: 200% 100%;
    animation: meet-shimmer 1.4s linear infinite;
    border-radius: 6px;
  }
  @keyframes meet-shimmer {
    from {
      background-position: 150% 0;
    }
    to {
      background-position: -50% 0;
    }
  }
  .notice {
    display: flex;
    gap: 0.75em;
    align-items: center;
    padding: 0.85em 1em;
    border-radius: var(--_radius-sm);
    border: 1px solid color-mix(in srgb, var(--_n, var(--_accent)) 35%, var(--_border));
    background: color-mix(in srgb, var(--_n, var(--_accent)) 8%, var(--_surface));
    color: var(--_text);
  }
  .notice > svg {
    color: var(--_n, var(--_accent));
  }
  .notice > button.icon {
    width: 32px;
    min-height: 32px;
    margin: -6px -6px -6px auto;
  }
  .notice.error {
    --_n: var(--_danger);
  }
  .notice.warning {
    --_n: var(--_warning);
  }
  .notice.success {
    --_n: var(--_success);
  }
  .notice p {
    margin: 0;
  }
  .spinner {
    width: 18px;
    height: 18px;
    border-radius: 50%;
    border: 2px solid color-mix(in srgb, currentColor 25%, transparent);
    border-top-color: currentColor;
    animation: meet-spin 0.8s linear infinite;
    flex: none;
  }
  @keyframes meet-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton,
    .badge.s-active::before,
    .spinner {
      animation-duration: 0s;
      animation-iteration-count: 1;
    }
    .spinner {
      animation: meet-spin 2.4s linear infinite;
    }
    button,
    .btn {
      transition: none;
    }
  }
`;var ar='button:not([disabled]), [href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), video[controls], [tabindex]:not([tabindex="-1"])';function J(o,r=[]){let e=o instanceof HTMLSlotElement?o.assignedElements({flatten:!0}):Array.from(o.children);for(let t of e){if(!(t instanceof HTMLElement)||t.hidden||t.inert)continue;let i=t instanceof HTMLInputElement&&t.type==="radio"&&!t.checked;t.matches(ar)&&!i&&r.push(t),t.shadowRoot?J(t.shadowRoot,r):J(t,r)}return r}var A=class extends E{constructor(){super(...arguments);this.heading="";this.closeLabel="Close";this.size="sm";this.open=!1;this.theme="auto";this.keepOpen=!1;this.alert=!1;this.returnFocus=null;this.hasFooter=!1}updated(e){e.has("open")&&(this.open&&!this.dialog.open?this.showNow():!this.open&&this.dialog.open&&this.dialog.close())}show(){this.open=!0}close(){this.open=!1}showNow(){this.returnFocus=Be(),this.dialog.showModal(),requestAnimationFrame(()=>this.focusInitial())}focusInitial(){let e=this.renderRoot.querySelector("slot:not([name])"),t=this.renderRoot.querySelector('slot[name="footer"]'),i=[...e?J(e):[],...t?J(t):[]];(i.find(a=>a.hasAttribute("autofocus")||a.dataset.autofocus!==void 0)??this.findAutofocusDeep()??i[0]??this.closeButton)?.focus()}findAutofocusDeep(){let e=this.renderRoot.querySelector("slot:not([name])");if(!e)return null;for(let t of e.assignedElements({flatten:!0})){let i=(t.shadowRoot??t).querySelector("[autofocus], [data-autofocus]");if(i)return i}return null}get closeButton(){return this.renderRoot.querySelector("header button")}onClose(){this.open=!1;let e=this.returnFocus;this.returnFocus=null,this.dispatchEvent(new CustomEvent("meet-dialog-close",{bubbles:!1,composed:!1})),e?.isConnected&&e.focus()}onKeydown(e){if(e.key!=="Tab"||e.defaultPrevented)return;let t=Array.from(this.renderRoot.querySelectorAll("slot")),i=this.closeButton,s=t.filter(v=>v.name==="header-actions"),n=t.filter(v=>v.name!=="header-actions"),a=[...s.flatMap(v=>J(v)),...i?[i]:[],...n.flatMap(v=>J(v))];if(!a.length)return;let l=Be(),u=a[0],f=a[a.length-1],h=v=>!!l&&(l===v||v.shadowRoot?.contains(l)===!0);e.shiftKey&&h(u)?(e.preventDefault(),f.focus()):!e.shiftKey&&h(f)&&(e.preventDefault(),u.focus())}onCancel(e){e.preventDefault(),this.dialog.close()}onClick(e){if(this.keepOpen||e.target!==this.dialog)return;let t=this.dialog.getBoundingClientRect();e.clientX>=t.left&&e.clientX<=t.right&&e.clientY>=t.top&&e.clientY<=t.bottom||this.dialog.close()}onFooterSlot(e){let t=e.target;this.hasFooter=t.assignedElements().length>0,this.renderRoot.querySelector("footer")?.classList.toggle("empty",!this.hasFooter)}render(){return c`
      <dialog
        part="dialog"
        role=${this.alert?"alertdialog":p}
        aria-labelledby="title"
        aria-describedby=${this.alert?"body":p}
        @close=${this.onClose}
        @cancel=${this.onCancel}
        @keydown=${this.onKeydown}
        @click=${this.onClick}
      >
        <header part="dialog-header">
          <h2 id="title" part="dialog-title">${this.heading}</h2>
          <slot name="header-actions"></slot>
          <button class="icon ghost" part="dialog-close" aria-label=${this.closeLabel} @click=${()=>this.close()}>
            ${m("close")}
          </button>
        </header>
        <div class="body" id="body" part="dialog-body"><slot></slot></div>
        <footer part="dialog-footer" class="empty"><slot name="footer" @slotchange=${this.onFooterSlot}></slot></footer>
      </dialog>
      ${p}
    `}};A.styles=[M,L,S`
      :host {
        display: contents;
      }
      dialog {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        color: var(--_text);
        box-shadow: var(--_shadow);
        padding: 0;
        width: min(var(--_width, 480px), calc(100vw - 32px));
        max-height: calc(100dvh - 48px);
        overflow: hidden;
      }
      :host([size="lg"]) dialog {
        --_width: 960px;
      }
      :host([size="md"]) dialog {
        --_width: 620px;
      }
      dialog[open] {
        display: flex;
        flex-direction: column;
        animation: meet-dialog-in 0.16s ease-out;
      }
      dialog::backdrop {
        background: var(--_overlay);
      }
      :host([size="panel"]) dialog {
        --_width: 560px;
        margin: 0 0 0 auto;
        height: 100dvh;
        max-height: 100dvh;
        border-radius: var(--_radius) 0 0 var(--_radius);
        border-width: 0 0 0 1px;
        animation-name: meet-panel-in;
        background: var(--_bg);
      }
      @keyframes meet-dialog-in {
        from {
          opacity: 0;
          transform: translateY(8px) scale(0.98);
        }
      }
      @keyframes meet-panel-in {
        from {
          transform: translateX(24px);
          opacity: 0;
        }
      }
      @media (prefers-reduced-motion: reduce) {
        dialog[open] {
          animation: none;
        }
      }
      header {
        display: flex;
        align-items: center;
        gap: 12px;
        padding: 14px 14px 14px 20px;
        border-bottom: 1px solid var(--_border);
        background: var(--_surface);
      }
      h2 {
        margin: 0;
        font-size: 1.08em;
        font-weight: 700;
        flex: 1;
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .body {
        padding: 20px;
        overflow: auto;
        flex: 1;
        min-height: 0;
      }
      :host([flush]) .body {
        padding: 0;
      }
      footer {
        display: flex;
        justify-content: flex-end;
        flex-wrap: wrap;
        gap: 8px;
        padding: 14px 20px;
        border-top: 1px solid var(--_border);
      }
      footer.empty {
        display: none;
      }
      @media (max-width: 600px) {
        dialog {
          width: 100vw;
          max-width: 100vw;
          max-height: 100dvh;
          margin: auto 0 0 0;
          border-radius: var(--_radius) var(--_radius) 0 0;
          border-width: 1px 0 0 0;
        }
        :host([size="lg"]) dialog,
        :host([size="panel"]) dialog {
          height: 100dvh;
          margin: 0;
          border-radius: 0;
          border-width: 0;
        }
        footer ::slotted(*) {
          flex: 1;
        }
      }
    `],d([y()],A.prototype,"heading",2),d([y({attribute:"close-label"})],A.prototype,"closeLabel",2),d([y({reflect:!0})],A.prototype,"size",2),d([y({type:Boolean,reflect:!0})],A.prototype,"open",2),d([y({reflect:!0})],A.prototype,"theme",2),d([y({type:Boolean,attribute:"keep-open"})],A.prototype,"keepOpen",2),d([y({type:Boolean})],A.prototype,"alert",2),d([T("dialog")],A.prototype,"dialog",2),A=d([C("meet-dialog")],A);var R=class extends P{constructor(){super(...arguments);this.recording=null;this.privateAccess=!1;this.url="";this.busy=!1;this.message="";this.messageKind="";this.request=0}async open(e){this.recording=e,this.privateAccess=!1,this.url="",this.message="",await this.updateComplete,this.dialog.show(),this.fetchLink()}async fetchLink(){if(!this.recording)return;let e=++this.request;this.busy=!0,this.url="",this.message=this.t.shareCreating,this.messageKind="";try{let{url:t}=await this.api.shareUrl(this.recording.recordingId,this.privateAccess);if(e!==this.request)return;this.url=t,this.message="",this.emit("meet-share-link-created",{recordingId:this.recording.recordingId,roomId:this.recording.roomId,url:t,privateAccess:this.privateAccess})}catch(t){if(e!==this.request)return;this.message=this.report(t,"share"),this.messageKind="bad"}finally{e===this.request&&(this.busy=!1)}}choose(e){e!==this.privateAccess&&(this.privateAccess=e,this.fetchLink())}async copy(){if(!this.url)return;await $e(this.url)?(this.message=this.t.linkCopied,this.messageKind="ok"):(this.message=this.t.copyFailed,this.messageKind="bad",this.linkInput?.select())}render(){let e=this.t,t=this.recording,i=t?`${t.roomName}, ${I(t.startDate,this.locale)}`:"";return c`
      <meet-dialog
        .heading=${e.shareTitle}
        .closeLabel=${e.close}
        theme=${this.theme}
        size="md"
        exportparts="dialog, dialog-header, dialog-title, dialog-close, dialog-body, dialog-footer"
      >
        <p class="intro">${this.fill(e.shareIntro,{name:i})}</p>
        <fieldset part="share-access">
          <legend>${e.shareWho}</legend>
          <label class="choice">
            <input
              type="radio"
              name="access"
              .checked=${!this.privateAccess}
              @change=${()=>this.choose(!1)}
              data-autofocus
            />
            ${m("public")}
            <span class="choice-text"><span>${e.sharePublic}</span><small>${e.sharePublicHint}</small></span>
          </label>
          <label class="choice">
            <input type="radio" name="access" .checked=${this.privateAccess} @change=${()=>this.choose(!0)} />
            ${m("lock")}
            <span class="choice-text"><span>${e.sharePrivate}</span><small>${e.sharePrivateHint}</small></span>
          </label>
        </fieldset>
        <label class="link-label" for="link">${e.shareLink}</label>
        <div class="link-row">
          <input
            id="link"
            class="link"
            part="share-link"
            type="url"
            readonly
            .value=${this.url}
            placeholder=${this.busy?e.shareCreating:""}
            @focus=${s=>s.target.select()}
          />
          <button class="primary" part="share-copy" ?disabled=${!this.url} @click=${this.copy}>
            ${this.messageKind==="ok"?m("check"):m("copy")}
            ${this.messageKind==="ok"?e.copied:e.copy}
          </button>
        </div>
        <p class="status ${this.messageKind}" role="status" aria-live="polite">
          ${this.busy?c`<span class="spinner" aria-hidden="true"></span>`:p}${this.message}
        </p>
      </meet-dialog>
    `}};R.styles=[M,L,S`
      :host {
        display: contents;
      }
      p.intro {
        margin: 0 0 16px;
        color: var(--_muted);
      }
      fieldset {
        border: 0;
        margin: 0 0 18px;
        padding: 0;
        display: grid;
        gap: 8px;
      }
      legend {
        font-weight: 650;
        margin-bottom: 8px;
        padding: 0;
      }
      label.choice {
        display: grid;
        grid-template-columns: auto auto 1fr;
        align-items: center;
        gap: 4px 12px;
        padding: 12px 14px;
        border: 1px solid var(--_border);
        border-radius: var(--_radius-sm);
        cursor: pointer;
      }
      label.choice:has(input:checked) {
        border-color: var(--_accent);
        background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
      }
      label.choice:has(input:focus-visible) {
        outline: 2px solid var(--_focus);
        outline-offset: 2px;
      }
      label.choice input {
        margin: 0;
        accent-color: var(--_accent);
        width: 18px;
        height: 18px;
      }
      label.choice svg {
        color: var(--_muted);
      }
      .choice-text {
        display: grid;
      }
      .choice-text small {
        color: var(--_muted);
        font-size: 0.87em;
      }
      .link-label {
        display: block;
        font-weight: 650;
        margin-bottom: 8px;
      }
      .link-row {
        display: flex;
        gap: 8px;
      }
      .link-row input {
        flex: 1;
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
        font-size: 0.86em;
        background: var(--_bg);
      }
      .link-row button {
        min-width: 7.5em;
      }
      .status {
        min-height: 1.5em;
        margin: 10px 0 0;
        font-size: 0.9em;
        color: var(--_muted);
        display: flex;
        gap: 6px;
        align-items: center;
      }
      .status.ok {
        color: var(--_success);
      }
      .status.bad {
        color: var(--_danger);
      }
      @media (max-width: 600px) {
        .link-row {
          flex-direction: column;
        }
      }
    `],d([g()],R.prototype,"recording",2),d([g()],R.prototype,"privateAccess",2),d([g()],R.prototype,"url",2),d([g()],R.prototype,"busy",2),d([g()],R.prototype,"message",2),d([g()],R.prototype,"messageKind",2),d([T("meet-dialog")],R.prototype,"dialog",2),d([T("input.link")],R.prototype,"linkInput",2),R=d([C("meet-share-dialog")],R);var $=class extends P{constructor(){super(...arguments);this.recordingId="";this.secret="";this.signInUrl="";this.autoplay=!1;this.fitViewport=!1;this.recording=null;this.src="";this.poster="";this.loading=!1;this.failure=null;this.mediaFailure="";this.reconnecting=!1;this.permissions=null;this.toast="";this.loadToken=0;this.resumeAt=null;this.reloads=[];this.posterBlob=""}updated(e){(e.has("recordingId")||e.has("secret")||e.has("token")&&!this.tokenRenewed(e)||e.has("baseUrl"))&&this.load()}get tokenRoomId(){return this.recording?.roomId??""}disconnectedCallback(){super.disconnectedCallback(),this.loadToken++,this.loading=!1,this.video?.pause(),this.posterBlob&&URL.revokeObjectURL(this.posterBlob),this.posterBlob=""}connectedCallback(){super.connectedCallback(),this.recordingId&&!this.recording&&!this.loading&&this.hasUpdated&&this.load()}async load(){let e=++this.loadToken;if(this.failure=null,this.mediaFailure="",this.src="",this.recording=null,!!this.recordingId){this.loading=!0;try{let t=await this.api.recording(this.recordingId,this.secret||void 0);if(e!==this.loadToken)return;if(this.recording=t,this.emit("meet-recording-loaded",{recording:t}),this.secret||this.loadPermissions(t.roomId,e),!B(t)){this.failure={kind:"other",message:this.fill(this.t.notReady,{status:this.statusLabel(t.status).toLowerCase()})};return}await this.loadMedia(e)}catch(t){if(e!==this.loadToken)return;this.failure=this.classify(t)}finally{e===this.loadToken&&(this.loading=!1)}}}async loadMedia(e){let t=this.recordingId;if(this.secret){this.src=this.api.secretMediaUrl(t,this.secret),this.loadSecretPoster(e);return}let i=await this.api.mediaUrl(t);e===this.loadToken&&(i.posterUrl&&(this.poster=i.posterUrl),this.src=i.url)}async loadSecretPoster(e){try{let t=await this.api.poster(this.recordingId,this.secret);if(e!==this.loadToken)return;this.posterBlob&&URL.revokeObjectURL(this.posterBlob),this.posterBlob=URL.createObjectURL(t),this.poster=this.posterBlob}catch{}}async loadPermissions(e,t){try{let i=await this.api.me(e);t===this.loadToken&&(this.permissions=i.permissions)}catch{t===this.loadToken&&(this.permissions=null)}}classify(e){let t=this.t;if(e instanceof x){let i=this.report(e,"load-recording");return this.secret&&e.status===400?{kind:"link",message:t.invalidLink}:this.secret&&e.status===401?{kind:"private",message:t.privateLink}:e.status===404?{kind:"missing",message:t.recordingNotFound}:{kind:"other",message:i}}return{kind:"other",message:this.report(e,"load-recording")}}statusLabel(e){return this.t[`status_${e}`]??e}async onVideoError(){let e=this.video;if(!e||!this.src)return;let t=Date.now();if(this.reloads=this.reloads.filter(n=>t-n<6e4),!(!this.secret&&this.reloads.length<3)){this.mediaFailure=this.t.mediaError,this.emit("meet-error",{action:"play",status:0,error:"MediaError",message:this.t.mediaError});return}this.reloads.push(t),this.resumeAt={time:e.currentTime||this.resumeAt?.time||0,play:!e.paused||e.autoplay},this.reconnecting=!0;let s=this.loadToken;try{let n=await this.api.mediaUrl(this.recordingId);if(s!==this.loadToken)return;let a=n.url===this.src;this.src=n.url,a&&e.load()}catch(n){this.reconnecting=!1,this.mediaFailure=this.report(n,"renew-media-link")}}onLoadedMetadata(){let e=this.video;if(e&&(this.reconnecting=!1,this.mediaFailure="",this.resumeAt)){let{time:t,play:i}=this.resumeAt;this.resumeAt=null,t>0&&(e.currentTime=t),i&&e.play().catch(()=>{})}}async download(){let e=this.recording;if(e)try{if(this.secret)G(this.api.secretMediaUrl(e.recordingId,this.secret,!0),e.filename||"");else{let t=await this.api.mediaUrl(e.recordingId);G(`${t.url}&download=1`,e.filename||"")}this.flash(this.t.downloadStarted),this.emit("meet-download-started",{recordingIds:[e.recordingId]})}catch(t){this.flash(this.report(t,"download"))}}async share(){let e=this.recording;if(e){if(this.secret){let t=await $e(location.href);this.flash(t?this.t.linkCopied:this.t.copyFailed),t&&this.emit("meet-share-link-created",{recordingId:e.recordingId,roomId:e.roomId,url:location.href,privateAccess:null});return}await this.shareDialog.open(e)}}flash(e){this.toast=e,clearTimeout(this.toastTimer),this.toastTimer=setTimeout(()=>this.toast="",4e3)}renderFailure(e){let t=this.t,i=e.kind==="private"?"lock":e.kind==="missing"?"videoOff":"warning";return c`
      <div class="failure ${e.kind}" part="error" role="alert">
        <div class="big">${m(i)}</div>
        <p>${e.message}</p>
        ${e.kind==="private"&&this.signInUrl?c`<a class="btn" href=${this.signInUrl}>${t.signIn}</a>`:p}
        ${e.kind==="other"&&!this.recording?c`<button @click=${()=>this.load()}>${m("refresh")} ${t.retry}</button>`:p}
      </div>
    `}render(){let e=this.t,t=this.recording;if(this.failure&&!t)return this.renderFailure(this.failure);let i=this.locale,s=this.secret?!0:!!this.permissions?.share,n=B(t);return c`
      <div class="player" part="player" aria-busy=${this.loading?"true":"false"}>
        ${this.failure?this.renderFailure(this.failure):c`
              <div class="stage" part="stage">
                ${this.src?c`<video
                      part="video"
                      controls
                      playsinline
                      preload="metadata"
                      .src=${this.src}
                      poster=${this.poster||p}
                      ?autoplay=${this.autoplay}
                      aria-label=${this.fill(e.videoLabel,{name:t?.roomName??"",date:I(t?.startDate,i)})}
                      @error=${this.onVideoError}
                      @loadedmetadata=${this.onLoadedMetadata}
                    ></video>`:c`<div class="skeleton" aria-hidden="true"></div>`}
                ${this.loading||this.reconnecting?c`<div class="overlay" role="status">
                      <span class="spinner" aria-hidden="true"></span>
                      <span>${this.reconnecting?e.reloadingMedia:e.playerLoading}</span>
                    </div>`:p}
                ${this.mediaFailure?c`<div class="overlay" role="alert">${m("warning")}<span>${this.mediaFailure}</span></div>`:p}
              </div>
            `}
        ${t?c`
              <div class="info">
                <div class="title-row">
                  <h3 part="title">${t.roomName}</h3>
                  <span class="badge s-${t.status}" part="status">${this.statusLabel(t.status)}</span>
                  <div class="actions" part="actions">
                    <button part="download-button" ?disabled=${!n} @click=${this.download}>
                      ${m("download")} ${e.download}
                    </button>
                    ${s?c`<button part="share-button" @click=${this.share}>
                          ${m(this.secret?"link":"share")} ${this.secret?e.copyLink:e.share}
                        </button>`:p}
                  </div>
                </div>
                <dl part="details" aria-label=${e.details}>
                  <div><dt>${m("room")}${e.room}</dt><dd title=${t.roomName}>${t.roomName}</dd></div>
                  <div><dt>${m("calendar")}${e.date}</dt><dd>${I(t.startDate,i)}</dd></div>
                  <div><dt>${m("clock")}${e.duration}</dt><dd>${W(t.duration)}</dd></div>
                  <div><dt>${m("storage")}${e.size}</dt><dd>${X(t.size,i)}</dd></div>
                </dl>
                <p class="toast" role="status" aria-live="polite">${this.toast}</p>
              </div>
            `:p}
      </div>
      ${this.secret?p:c`<meet-share-dialog
            .baseUrl=${this.baseUrl}
            .token=${this.token}
            .labels=${this.labels}
            theme=${this.theme}
            exportparts="dialog: share-dialog, dialog-header: share-dialog-header, dialog-title: share-dialog-title, dialog-close: share-dialog-close, dialog-body: share-dialog-body, share-access, share-link, share-copy"
          ></meet-share-dialog>`}
    `}};$.styles=[M,L,S`
      :host {
        display: block;
        container-type: inline-size;
      }
      .player {
        display: grid;
        gap: 18px;
      }
      .stage {
        position: relative;
        aspect-ratio: 16 / 9;
        background: #000;
        border-radius: var(--_radius);
        overflow: hidden;
        display: grid;
        place-items: center;
      }
      :host([flush]) .stage {
        border-radius: 0;
      }
      :host([fit-viewport]) .stage {
        max-height: calc(100dvh - 300px);
        aspect-ratio: auto;
        height: min(calc(100dvh - 300px), calc((100cqw) * 9 / 16));
        min-height: 200px;
      }
      video {
        width: 100%;
        height: 100%;
        display: block;
        background: #000;
        object-fit: contain;
      }
      .stage .overlay {
        position: absolute;
        inset: 0;
        display: grid;
        place-items: center;
        align-content: center;
        gap: 12px;
        color: #fff;
        background: rgb(0 0 0 / 0.55);
        font-weight: 600;
        text-align: center;
        padding: 24px;
      }
      .stage .overlay .spinner {
        width: 28px;
        height: 28px;
      }
      .stage .skeleton {
        position: absolute;
        inset: 0;
        border-radius: 0;
      }
      .info {
        display: grid;
        gap: 14px;
      }
      :host([flush]) .info {
        padding: 0 20px 20px;
      }
      .title-row {
        display: flex;
        align-items: center;
        gap: 10px;
        flex-wrap: wrap;
      }
      h3 {
        margin: 0;
        font-size: 1.2em;
        font-weight: 700;
        letter-spacing: -0.01em;
      }
      .actions {
        display: flex;
        gap: 8px;
        flex-wrap: wrap;
        margin-left: auto;
      }
      dl {
        display: grid;
        grid-template-columns: repeat(4, minmax(0, 1fr));
        gap: 1px;
        margin: 0;
        border: 1px solid var(--_border);
        border-radius: var(--_radius-sm);
        overflow: hidden;
        background: var(--_border);
      }
      dl > div {
        background: var(--_surface);
        padding: 10px 14px;
        min-width: 0;
      }
      dt {
        font-size: 0.78em;
        text-transform: uppercase;
        letter-spacing: 0.06em;
        color: var(--_muted);
        font-weight: 650;
        display: flex;
        align-items: center;
        gap: 6px;
      }
      dt svg.icon {
        width: 14px;
        height: 14px;
      }
      dd {
        margin: 2px 0 0;
        font-weight: 600;
        overflow-wrap: anywhere;
        font-variant-numeric: tabular-nums;
      }
      .failure {
        display: grid;
        justify-items: center;
        text-align: center;
        gap: 12px;
        padding: 48px 24px;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      .failure .big {
        width: 56px;
        height: 56px;
        border-radius: 50%;
        display: grid;
        place-items: center;
        background: color-mix(in srgb, var(--_f, var(--_danger)) 12%, transparent);
        color: var(--_f, var(--_danger));
      }
      .failure.private {
        --_f: var(--_accent);
      }
      .failure .big svg {
        width: 28px;
        height: 28px;
      }
      .failure h3 {
        font-size: 1.15em;
      }
      .failure p {
        margin: 0;
        color: var(--_muted);
        max-width: 42ch;
      }
      .failure a.btn {
        background: var(--_accent);
        color: var(--_accent-text);
        border-color: var(--_accent);
      }
      .toast {
        font-size: 0.9em;
        color: var(--_success);
        min-height: 1.4em;
        margin: 0;
      }
      @container (max-width: 560px) {
        dl {
          grid-template-columns: repeat(2, minmax(0, 1fr));
        }
        .actions {
          margin-left: 0;
          width: 100%;
        }
        .actions button {
          flex: 1;
        }
      }
    `],d([y({attribute:"recording-id",reflect:!0})],$.prototype,"recordingId",2),d([y({reflect:!0})],$.prototype,"secret",2),d([y({attribute:"sign-in-url",reflect:!0})],$.prototype,"signInUrl",2),d([y({type:Boolean,reflect:!0})],$.prototype,"autoplay",2),d([y({type:Boolean,attribute:"fit-viewport",reflect:!0})],$.prototype,"fitViewport",2),d([g()],$.prototype,"recording",2),d([g()],$.prototype,"src",2),d([g()],$.prototype,"poster",2),d([g()],$.prototype,"loading",2),d([g()],$.prototype,"failure",2),d([g()],$.prototype,"mediaFailure",2),d([g()],$.prototype,"reconnecting",2),d([g()],$.prototype,"permissions",2),d([g()],$.prototype,"toast",2),d([T("video")],$.prototype,"video",2),d([T("meet-share-dialog")],$.prototype,"shareDialog",2),$=d([C("meet-recording-player")],$);var kt={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},_t=o=>(...r)=>({_$litDirective$:o,values:r}),ke=class{constructor(r){}get _$AU(){return this._$AM._$AU}_$AT(r,e,t){this._$Ct=r,this._$AM=e,this._$Ci=t}_$AS(r,e){return this.update(r,e)}update(r,e){return this.render(...e)}};var{I:lr}=wt,Tt=o=>o;var St=()=>document.createComment(""),ee=(o,r,e)=>{let t=o._$AA.parentNode,i=r===void 0?o._$AB:r._$AA;if(e===void 0){let s=t.insertBefore(St(),i),n=t.insertBefore(St(),i);e=new lr(s,n,o,o.options)}else{let s=e._$AB.nextSibling,n=e._$AM,a=n!==o;if(a){let l;e._$AQ?.(o),e._$AM=o,e._$AP!==void 0&&(l=o._$AU)!==n._$AU&&e._$AP(l)}if(s!==i||a){let l=e._$AA;for(;l!==s;){let u=Tt(l).nextSibling;Tt(t).insertBefore(l,i),l=u}}}return e},N=(o,r,e=o)=>(o._$AI(r,e),o),dr={},At=(o,r=dr)=>o._$AH=r,Rt=o=>o._$AH,_e=o=>{o._$AR(),o._$AA.remove()};var Et=(o,r,e)=>{let t=new Map;for(let i=r;i<=e;i++)t.set(o[i],i);return t},Ct=_t(class extends ke{constructor(o){if(super(o),o.type!==kt.CHILD)throw Error("repeat() can only be used in text expressions")}dt(o,r,e){let t;e===void 0?e=r:r!==void 0&&(t=r);let i=[],s=[],n=0;for(let a of o)i[n]=t?t(a,n):n,s[n]=e(a,n),n++;return{values:s,keys:i}}render(o,r,e){return this.dt(o,r,e).values}update(o,[r,e,t]){let i=Rt(o),{values:s,keys:n}=this.dt(r,e,t);if(!Array.isArray(i))return this.ut=n,s;let a=this.ut??=[],l=[],u,f,h=0,v=i.length-1,w=0,_=s.length-1;for(;h<=v&&w<=_;)if(i[h]===null)h++;else if(i[v]===null)v--;else if(a[h]===n[w])l[w]=N(i[h],s[w]),h++,w++;else if(a[v]===n[_])l[_]=N(i[v],s[_]),v--,_--;else if(a[h]===n[_])l[_]=N(i[h],s[_]),ee(o,l[_+1],i[h]),h++,_--;else if(a[v]===n[w])l[w]=N(i[v],s[w]),ee(o,i[h],i[v]),v--,w++;else if(u===void 0&&(u=Et(n,w,_),f=Et(a,h,v)),u.has(a[h]))if(u.has(a[v])){let z=f.get(n[w]),Ae=z!==void 0?i[z]:null;if(Ae===null){let Fe=ee(o,i[h]);N(Fe,s[w]),l[w]=Fe}else l[w]=N(Ae,s[w]),ee(o,i[h],Ae),i[z]=null;w++}else _e(i[v]),v--;else _e(i[h]),h++;for(;w<=_;){let z=ee(o,l[_+1]);N(z,s[w]),l[w++]=z}for(;h<=v;){let z=i[h++];z!==null&&_e(z)}return this.ut=n,At(o,l),H}});var Te=class{constructor(r){this.emit=r;this.buffer="";this.data=[];this.event="";this.lastId="";this.retry=null}push(r){this.buffer+=r;let e=0;for(;;){let t=this.buffer.indexOf("\r",e),i=this.buffer.indexOf(`
`,e),s;if(t===-1&&i===-1||(t===-1?s=i:i===-1?s=t:s=Math.min(t,i),s===t&&s===this.buffer.length-1))break;this.line(this.buffer.slice(e,s)),e=s+(this.buffer[s]==="\r"&&this.buffer[s+1]===`
`?2:1)}this.buffer=this.buffer.slice(e)}line(r){if(r===""){this.data.length&&this.emit({event:this.event||"message",data:this.data.join(`
`),id:this.lastId}),this.data=[],this.event="";return}if(r.startsWith(":"))return;let e=r.indexOf(":"),t=e===-1?r:r.slice(0,e),i=e===-1?"":r.slice(e+1);switch(i.startsWith(" ")&&(i=i.slice(1)),t){case"event":this.event=i;break;case"data":this.data.push(i);break;case"id":i.includes("\0")||(this.lastId=i);break;case"retry":/^\d+$/.test(i)&&(this.retry=Number(i));break}}},Q=class{constructor(r){this.options=r;this.abort=null;this.running=!1;this.attempt=0;this.timer=null;this.wake=null;this.onOnline=()=>this.wake?.()}start(){this.running||(this.running=!0,window.addEventListener("online",this.onOnline),this.loop())}stop(){this.running=!1,window.removeEventListener("online",this.onOnline),this.abort?.abort(),this.wake?.()}restart(){this.attempt=0,this.abort?.abort(),this.wake?.()}async loop(){let{minDelayMs:r=1e3,maxDelayMs:e=3e4}=this.options;for(;this.running;){let t=null;try{t=await this.connectOnce()}catch(n){if(n instanceof x&&!n.isTransient){this.running=!1,this.options.onFatal?.(n);break}}if(!this.running)break;let i=Math.min(e,r*2**Math.min(this.attempt,10)),s=Math.max(t??0,Math.round(i*(.75+Math.random()*.5)));this.attempt+=1,this.options.onState?.(!1,s),await new Promise(n=>{this.wake=n,this.timer=setTimeout(n,s)}),this.timer&&clearTimeout(this.timer),this.wake=null}window.removeEventListener("online",this.onOnline)}async connectOnce(){let r=new AbortController;this.abort=r;let e=this.options.idleTimeoutMs??45e3,t=null,i=()=>{t&&clearTimeout(t),t=setTimeout(()=>r.abort(),e)},s=new Te(n=>{this.attempt=0,this.options.onMessage(n)});try{let n;try{i(),n=await fetch(this.options.url(),{headers:{Accept:"text/event-stream",...this.options.headers()},credentials:"same-origin",cache:"no-store",signal:r.signal})}catch(l){if(r.signal.aborted)return null;throw new x(0,l?.message||"Network error")}if(!n.ok||!n.body){let l=n.statusText,u="";try{let f=await n.json();l=f.message||l,u=f.error||""}catch{}throw new x(n.status,l,u)}this.options.onState?.(!0);let a=n.body.pipeThrough(new TextDecoderStream).getReader();try{for(;;){let{value:l,done:u}=await a.read();if(u)break;i(),s.push(l)}}catch{}finally{a.releaseLock()}return s.retry}finally{t&&clearTimeout(t),this.abort===r&&(this.abort=null)}}};var Oe=["complete","failed","aborted","limit_reached"],cr=["complete","active","starting","ending","failed","aborted","limit_reached"],hr=new Set(["recordingStarting","recordingStarted","recordingStopping","recordingStopped","recordingFailed","recordingUpdated","recordingDeleted"]),pr="dialog: share-dialog, dialog-header: share-dialog-header, dialog-title: share-dialog-title, dialog-close: share-dialog-close, dialog-body: share-dialog-body, share-access, share-link, share-copy";var b=class extends P{constructor(){super(...arguments);this.roomId="";this.mode="room";this.pageSize=12;this.me=null;this.items=[];this.nextPageToken="";this.phase="idle";this.loadingMore=!1;this.failure="";this.status="";this.sort="startDate:desc";this.search="";this.roomFilter="";this.rooms=[];this.selected=new Set;this.posters=new Map;this.notice=null;this.live=!0;this.playing=null;this.deleting=[];this.deleteBusy=!1;this.announcement="";this.toast="";this.abort=null;this.sse=null;this.posterQueue=[];this.posterActive=0;this.wasDisconnected=!1;this.pollOnly=!1;this.generation=0}connectedCallback(){super.connectedCallback(),this.hasUpdated&&this.reload()}disconnectedCallback(){super.disconnectedCallback(),this.generation++,this.abort?.abort(),this.sse?.stop(),this.sse=null,clearTimeout(this.refreshTimer),clearTimeout(this.pollTimer),clearTimeout(this.searchTimer),clearTimeout(this.toastTimer);for(let e of this.posters.values())e.startsWith("blob:")&&URL.revokeObjectURL(e);this.posters=new Map,this.posterQueue=[]}willUpdate(e){e.has("mode")&&this.mode==="room"&&this.sort.startsWith("roomName")&&(this.sort="startDate:desc")}updated(e){(e.has("roomId")||e.has("token")&&!this.tokenRenewed(e)||e.has("baseUrl")||e.has("mode")||e.has("pageSize"))&&this.reload()}get tokenRoomId(){return this.currentRoomId}async reload(){let e=++this.generation;this.abort?.abort();let t=this.abort=new AbortController;this.sse?.stop(),this.sse=null,this.pollOnly=!1,this.live=!0,this.phase="loading",this.failure="",this.notice=null,this.items=[],this.nextPageToken="",this.selected=new Set;let i=this.mode==="room"?this.roomId.trim():"";if(this.mode==="room"&&!i&&!this.token){this.phase="error",this.failure=this.t.missingRoom;return}try{let s=await this.api.me(i||void 0,t.signal);if(e!==this.generation)return;if(this.me=s,!s.permissions.retrieve){this.phase="forbidden",this.failure=this.forbiddenMessage(),this.emit("meet-error",{action:"list",status:403,error:"Forbidden",message:this.failure});return}this.mode==="console"&&this.loadRooms(e),await this.fetchPage(!1,e,t.signal),e===this.generation&&this.startLive()}catch(s){if(e!==this.generation||s?.name==="AbortError")return;s instanceof x&&s.status===403?(this.phase="forbidden",this.failure=this.report(s,"list",this.forbiddenMessage())):(this.phase="error",this.failure=this.report(s,"list",this.forbiddenMessage()))}}async refresh(){if(this.phase!=="ready")return;let e=this.generation;try{let t=Math.min(100,Math.max(this.limit,this.items.length)),i=await this.api.listRecordings(this.query(t));if(e!==this.generation)return;this.items=i.recordings,this.nextPageToken=i.pagination.nextPageToken??"",this.selected=new Set([...this.selected].filter(s=>this.items.some(n=>n.recordingId===s))),this.queuePosters(),this.schedulePoll()}catch(t){if(e!==this.generation)return;this.notice={kind:"warning",message:this.report(t,"refresh")}}}get limit(){let e=Math.floor(Number(this.pageSize));return Number.isFinite(e)?Math.min(100,Math.max(1,e)):12}get currentRoomId(){return this.roomId.trim()||this.me?.room?.roomId||""}forbiddenMessage(){let e=this.t;if(this.mode==="console")return e.forbiddenConsole;let t=this.me?.room?.allowAccessTo;return t==="admin"?e.forbiddenAdmin:t==="admin_moderator"?e.forbiddenModerator:e.errorForbidden}query(e,t){let[i,s]=this.sort.split(":");return{maxItems:e,nextPageToken:t,roomId:this.mode==="room"?this.currentRoomId:this.roomFilter,roomName:this.mode==="console"?this.search.trim():"",status:this.status,sortField:i,sortOrder:s}}async fetchPage(e,t=this.generation,i){let s=await this.api.listRecordings(this.query(this.limit,e?this.nextPageToken:void 0),i);if(t!==this.generation)return;let n=new Set(this.items.map(a=>a.recordingId));this.items=e?[...this.items,...s.recordings.filter(a=>!n.has(a.recordingId))]:s.recordings,this.nextPageToken=s.pagination.nextPageToken??"",this.phase="ready",this.announcement=this.countText(),this.queuePosters(),this.emit("meet-recordings-loaded",{recordings:this.items,hasMore:!!this.nextPageToken}),this.schedulePoll()}schedulePoll(){clearTimeout(this.pollTimer),!(this.sse&&this.live||!this.isConnected||this.phase!=="ready")&&this.items.some(e=>!Oe.includes(e.status))&&(this.pollTimer=setTimeout(()=>{this.refresh()},5e3))}async loadMore(){if(!(!this.nextPageToken||this.loadingMore)){this.loadingMore=!0;try{await this.fetchPage(!0)}catch(e){this.notice={kind:"error",message:this.report(e,"list")}}finally{this.loadingMore=!1}}}async loadRooms(e){try{let{rooms:t}=await this.api.listRooms();e===this.generation&&(this.rooms=t)}catch{this.rooms=[]}}startLive(){let e=this.currentRoomId,t=this.mode==="console";if(!t&&!e)return;let i=t?"/recordings/events":`/rooms/${encodeURIComponent(e)}/recording/events`;this.wasDisconnected=!1;let s=new Q({url:()=>this.api.url(i),headers:()=>this.api.headers({Accept:"text/event-stream"}),onMessage:n=>{n.event==="state"?(this.live=!0,clearTimeout(this.pollTimer),this.wasDisconnected&&this.scheduleRefresh(),this.wasDisconnected=!1):hr.has(n.event)&&this.scheduleRefresh()},onState:n=>{n||(this.wasDisconnected=!0,this.live=!1,this.schedulePoll())},onFatal:n=>{(async()=>{if(n.status===401&&this.sse===s&&await this.renewAfterRefusal(this.token)){this.sse===s&&s.start();return}this.sse===s&&(this.sse=null,this.pollOnly=!0,this.live=!0,this.schedulePoll())})()}});this.sse=s,s.start()}scheduleRefresh(){clearTimeout(this.refreshTimer),this.refreshTimer=setTimeout(()=>{this.refresh()},250)}queuePosters(){for(let e of this.items)B(e)&&!this.posters.has(e.recordingId)&&!this.posterQueue.includes(e.recordingId)&&this.posterQueue.push(e.recordingId);for(;this.posterActive<4&&this.posterQueue.length;)this.nextPoster()}async nextPoster(){let e=this.posterQueue.shift();if(!e)return;this.posterActive++;let t=this.generation,i="none";try{i=URL.createObjectURL(await this.api.poster(e))}catch{i="none"}finally{this.posterActive--}t!==this.generation?i.startsWith("blob:")&&URL.revokeObjectURL(i):this.posters=new Map(this.posters).set(e,i),this.posterQueue.length&&this.nextPoster()}onStatus(e){this.status=e.target.value,this.reloadList()}onSort(e){this.sort=e.target.value,this.reloadList()}onRoomFilter(e){this.roomFilter=e.target.value,this.reloadList()}onSearch(e){this.search=e.target.value,clearTimeout(this.searchTimer),this.searchTimer=setTimeout(()=>{this.reloadList()},300)}clearFilters(){this.status="",this.search="",this.roomFilter="",this.reloadList()}get filtered(){return!!(this.status||this.search.trim()||this.roomFilter)}async reloadList(){if(!this.me)return this.reload();let e=++this.generation;this.abort?.abort();let t=this.abort=new AbortController;this.phase="loading",this.items=[],this.nextPageToken="",this.selected=new Set,this.notice=null;try{await this.fetchPage(!1,e,t.signal),e===this.generation&&!this.sse&&!this.pollOnly&&this.startLive()}catch(i){if(e!==this.generation||i?.name==="AbortError")return;this.phase="error",this.failure=this.report(i,"list",this.forbiddenMessage())}}get selectable(){return this.items.filter(e=>Oe.includes(e.status))}toggle(e,t){let i=new Set(this.selected);t?i.add(e):i.delete(e),this.selected=i}toggleAll(e){this.selected=e?new Set(this.selectable.map(t=>t.recordingId)):new Set}name(e){return`${e.roomName}, ${I(e.startDate,this.locale)}`}async play(e){this.emit("meet-recording-play",{recording:e})&&(this.playing=e,await this.updateComplete,this.playerDialog.show())}async download(e){try{let t=await this.api.mediaUrl(e.recordingId);G(`${t.url}&download=1`,e.filename||""),this.flash(this.t.downloadStarted),this.emit("meet-download-started",{recordingIds:[e.recordingId]})}catch(t){this.notice={kind:"error",message:this.report(t,"download")}}}async downloadZip(){let e=[...this.selected];if(e.length)try{this.flash(this.t.preparingDownload);let t=await this.api.zipUrl(e);G(t.url,"recordings.zip"),this.flash(this.t.downloadStarted),this.emit("meet-download-started",{recordingIds:e})}catch(t){this.notice={kind:"error",message:this.report(t,"download-zip")}}}async share(e){await this.shareDialog.open(e)}async askDelete(e){e.length&&(this.deleting=e,this.deleteBusy=!1,await this.updateComplete,this.confirmDialog.show())}async confirmDelete(){let e=this.deleting;if(!e.length||this.deleteBusy)return;this.deleteBusy=!0;let t=this.t,i=[],s=[];try{e.length===1?(await this.api.deleteRecording(e[0].recordingId),i=[e[0].recordingId]):i=(await this.api.bulkDelete(e.map(a=>a.recordingId))).deleted}catch(n){let a=n instanceof x?n.body:null;n instanceof x&&n.status===400&&a&&Array.isArray(a.failed)?(i=a.deleted??[],s=a.failed,this.report(n,"delete")):s=e.map(l=>({recordingId:l.recordingId,error:this.report(n,"delete")}))}if(this.deleteBusy=!1,this.confirmDialog.close(),this.deleting=[],i.length){let n=new Set(i);this.items=this.items.filter(a=>!n.has(a.recordingId)),this.selected=new Set([...this.selected].filter(a=>!n.has(a)));for(let a of i){let l=this.posters.get(a);l?.startsWith("blob:")&&URL.revokeObjectURL(l)}this.emit("meet-recording-deleted",{recordingIds:i})}if(s.length){let n=new Map(e.map(a=>[a.recordingId,a]));this.notice={kind:"error",message:e.length===1?s[0].error:this.fill(t.deletePartial,{deleted:i.length,failed:s.length}),items:e.length===1?void 0:s.map(a=>{let l=n.get(a.recordingId);return`${l?this.name(l):a.recordingId}: ${this.failureReason(a)}`})}}else this.flash(i.length===1?t.deletedOne:this.fill(t.deletedMany,{count:i.length}));await this.updateComplete,this.heading?.focus(),(s.length||i.length&&this.nextPageToken&&this.items.length<this.limit)&&this.refresh()}failureReason(e){let t=this.t;switch(e.code){case"notFound":return t.deleteFailedNotFound;case"notStopped":return t.deleteFailedNotStopped;case"otherRoom":return t.deleteFailedOtherRoom;default:return e.error}}flash(e){this.toast=e,this.announcement=e;let t=this.toastEl;try{t&&!t.matches(":popover-open")&&t.showPopover()}catch{}clearTimeout(this.toastTimer),this.toastTimer=setTimeout(()=>{this.toast="";try{this.toastEl?.hidePopover()}catch{}},3500)}countText(){let e=this.t,t=this.items.length;return this.nextPageToken?this.fill(e.countMore,{count:t}):t===1?e.countOne:this.fill(e.countMany,{count:t})}statusLabel(e){return this.t[`status_${e}`]??e}renderTools(){let e=this.t,t=this.mode==="console",i=this.phase==="forbidden"||this.phase==="error"&&!this.me,s=[["startDate:desc",e.sortNewest],["startDate:asc",e.sortOldest],["duration:desc",e.sortLongest],["duration:asc",e.sortShortest],["size:desc",e.sortLargest],["size:asc",e.sortSmallest]];return t&&s.push(["roomName:asc",e.sortRoomAz],["roomName:desc",e.sortRoomZa]),c`
      <div class="tools" part="toolbar">
        ${t?c`
              <label class="search">
                ${m("search")}
                <span class="sr-only">${e.searchRoomName}</span>
                <input
                  type="search"
                  part="search"
                  placeholder=${e.searchRoomName}
                  .value=${this.search}
                  @input=${this.onSearch}
                  ?disabled=${i}
                />
              </label>
              ${this.rooms.length?c`<select
                    part="room-filter"
                    aria-label=${e.roomFilter}
                    @change=${this.onRoomFilter}
                    ?disabled=${i}
                  >
                    <option value="" ?selected=${!this.roomFilter}>${e.allRooms}</option>
                    ${this.rooms.map(n=>c`<option value=${n.roomId} ?selected=${this.roomFilter===n.roomId}>
                          ${n.roomName}
                        </option>`)}
                  </select>`:p}
            `:p}
        <select part="status-filter" aria-label=${e.statusFilter} @change=${this.onStatus} ?disabled=${i}>
          <option value="" ?selected=${!this.status}>${e.allStatuses}</option>
          ${cr.map(n=>c`<option value=${n} ?selected=${this.status===n}>${this.statusLabel(n)}</option>`)}
        </select>
        <select part="sort" aria-label=${e.sortBy} @change=${this.onSort} ?disabled=${i}>
          ${s.map(([n,a])=>c`<option value=${n} ?selected=${this.sort===n}>${a}</option>`)}
        </select>
        <button
          class="icon"
          part="refresh-button"
          aria-label=${e.refresh}
          title=${e.refresh}
          @click=${()=>this.me?this.refresh():this.reload()}
          ?disabled=${this.phase==="loading"}
        >
          ${m("refresh")}
        </button>
      </div>
    `}renderSelectionBar(){let e=this.t,t=this.selectable;if(!t.length)return p;let i=this.selected.size,s=i>0&&i===t.length,n=!!this.me?.permissions.delete;return c`
      <div class="selbar ${i?"active":""}" part="selection-bar">
        <label>
          <input
            type="checkbox"
            .checked=${s}
            .indeterminate=${i>0&&!s}
            @change=${a=>this.toggleAll(a.target.checked)}
          />
          ${i?this.fill(e.selectedCount,{count:i}):e.selectAll}
        </label>
        <span class="spacer"></span>
        ${i?c`
              <button part="zip-button" @click=${this.downloadZip}>${m("zip")} ${e.downloadZip}</button>
              ${n?c`<button
                    class="danger"
                    part="bulk-delete-button"
                    @click=${()=>this.askDelete(this.items.filter(a=>this.selected.has(a.recordingId)))}
                  >
                    ${m("delete")} ${e.deleteSelected}
                  </button>`:p}
              <button class="ghost" @click=${()=>this.toggleAll(!1)}>${e.clearSelection}</button>
            `:p}
      </div>
    `}renderPoster(e){let t=this.t,i=this.posters.get(e.recordingId),s=B(e),n;return e.status==="active"||e.status==="starting"?n=c`<span class="live rec"><span class="dot"></span>${t.rec}</span>`:e.status==="ending"?n=c`<span class="live"><span class="spinner" aria-hidden="true"></span></span>`:i&&i!=="none"?n=c`<img src=${i} alt="" loading="lazy" />`:s?i==="none"?n=c`${m("library")}`:n=c`<span class="skeleton fill"></span>`:n=c`${m("videoOff")}`,c`
      <div
        class="poster ${s?"playable":""}"
        part="poster"
        aria-hidden="true"
        @click=${s?()=>this.play(e):null}
      >
        ${n}
        ${s?c`<span class="play">${m("play")}</span>`:p}
        ${e.duration&&s?c`<span class="clock">${W(e.duration)}</span>`:p}
      </div>
    `}renderItem(e){let t=this.t,i=this.locale,s=this.me?.permissions,n=this.name(e),a=B(e),l=Oe.includes(e.status),u=this.mode==="console",f=this.selected.has(e.recordingId);return c`
      <li class="item ${f?"selected":""}" part="item">
        <span class="check">
          ${l?c`<input
                type="checkbox"
                part="item-checkbox"
                aria-label=${this.fill(t.selectRecording,{name:n})}
                .checked=${f}
                @change=${h=>this.toggle(e.recordingId,h.target.checked)}
              />`:p}
        </span>
        ${this.renderPoster(e)}
        <div class="main">
          <div class="name-row">
            <span class="name" part="item-title">${u?e.roomName:I(e.startDate,i)}</span>
            <span class="badge s-${e.status}" part="status">${this.statusLabel(e.status)}</span>
          </div>
          <div class="meta" part="item-meta">
            ${u?c`<span>${m("calendar")}<span class="sr-only">${t.date}: </span>${I(e.startDate,i)}</span>`:p}
            ${l?c`<span>${m("clock")}<span class="sr-only">${t.duration}: </span>${W(e.duration)}</span>
                  <span>${m("storage")}<span class="sr-only">${t.size}: </span>${X(e.size,i)}</span>`:p}
          </div>
          ${e.error&&!a?c`<span class="error-text">${e.error}</span>`:p}
        </div>
        ${a||l&&s?.delete?c`<div class="actions" part="actions">
          ${a&&s?.retrieve?c`
                <button
                  class="icon ghost"
                  part="play-button"
                  aria-label=${this.fill(t.playRecording,{name:n})}
                  title=${t.play}
                  @click=${()=>this.play(e)}
                >
                  ${m("play")}
                </button>
                <button
                  class="icon ghost"
                  part="download-button"
                  aria-label=${this.fill(t.downloadRecording,{name:n})}
                  title=${t.download}
                  @click=${()=>this.download(e)}
                >
                  ${m("download")}
                </button>
              `:p}
          ${a&&s?.share?c`<button
                class="icon ghost"
                part="share-button"
                aria-label=${this.fill(t.shareRecording,{name:n})}
                title=${t.share}
                @click=${()=>this.share(e)}
              >
                ${m("share")}
              </button>`:p}
          ${l&&s?.delete?c`<button
                class="icon ghost danger-hover"
                part="delete-button"
                aria-label=${this.fill(t.deleteRecording,{name:n})}
                title=${t.delete}
                @click=${()=>this.askDelete([e])}
              >
                ${m("delete")}
              </button>`:p}
        </div>`:p}
      </li>
    `}renderSkeleton(){return c`
      <ul aria-hidden="true">
        ${[0,1,2].map(()=>c`
            <li class="item skel">
              <span class="check"><span class="skeleton box"></span></span>
              <span class="poster skeleton"></span>
              <span class="main">
                <span class="skeleton line wide"></span>
                <span class="skeleton line narrow"></span>
              </span>
              <span class="actions"></span>
            </li>
          `)}
      </ul>
    `}renderBody(){let e=this.t;return this.phase==="loading"||this.phase==="idle"?c`<div role="status" class="sr-only">${e.loading}</div>
        ${this.renderSkeleton()}`:this.phase==="forbidden"?c`<div class="state forbidden" part="forbidden" role="alert">
        <div class="big">${m("lock")}</div>
        <h3>${this.failure}</h3>
        <p>${e.forbiddenHint}</p>
      </div>`:this.phase==="error"?c`<div class="state error" part="error" role="alert">
        <div class="big">${m("error")}</div>
        <h3>${e.errorTitle}</h3>
        <p>${this.failure}</p>
        <button class="primary" @click=${()=>this.reload()}>${m("refresh")} ${e.retry}</button>
      </div>`:this.items.length?c`
      ${this.renderSelectionBar()}
      <ul part="list" aria-label=${this.mode==="console"?e.consoleTitle:e.listTitle}>
        ${Ct(this.items,t=>t.recordingId,t=>this.renderItem(t))}
      </ul>
      ${this.nextPageToken?c`<div class="more">
            <button part="load-more" @click=${this.loadMore} ?disabled=${this.loadingMore}>
              ${this.loadingMore?c`<span class="spinner" aria-hidden="true"></span>${e.loadingMore}`:e.loadMore}
            </button>
          </div>`:p}
    `:this.filtered?c`<div class="state" part="empty">
            <div class="big">${m("filter")}</div>
            <h3>${e.emptyFilteredTitle}</h3>
            <p>${e.emptyFiltered}</p>
            <button @click=${this.clearFilters}>${e.clearFilters}</button>
          </div>`:c`<div class="state" part="empty">
            <div class="big">${m("library")}</div>
            <h3>${e.emptyTitle}</h3>
            <p>${this.mode==="console"?e.emptyConsole:e.emptyRoom}</p>
          </div>`}renderNotice(){let e=this.notice;return e?c`<div class="notice ${e.kind}" part="notice" role="alert">
      ${m(e.kind==="success"?"check":"warning")}
      <div class="grow">
        <p>${e.message}</p>
        ${e.items?.length?c`<ul class="failed">${e.items.map(t=>c`<li>${t}</li>`)}</ul>`:p}
      </div>
      <button class="icon ghost" aria-label=${this.t.close} @click=${()=>this.notice=null}>
        ${m("close")}
      </button>
    </div>`:p}render(){let e=this.t,t=this.mode==="console"?e.consoleTitle:e.listTitle,i=this.deleting,s=i.length===1?i[0]:null;return c`
      <section class="root" part="container" aria-busy=${this.phase==="loading"?"true":"false"}>
        <div class="head" part="header">
          <div class="title">
            <h2 part="title" tabindex="-1">${t}</h2>
            ${this.phase==="ready"?c`<span class="count" part="count">${this.countText()}</span>`:p}
          </div>
          ${this.phase==="forbidden"||this.phase==="error"&&!this.me?p:this.renderTools()}
        </div>
        ${!this.live&&this.phase==="ready"?c`<div class="conn" role="status">${m("warning")} ${e.liveUpdatesLost}</div>`:p}
        ${this.renderNotice()} ${this.renderBody()}
        <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      </section>
      <div class="toast" part="toast" popover="manual" aria-hidden="true">${m("check")}${this.toast}</div>

      <meet-dialog
        class="player-dialog"
        size="lg"
        theme=${this.theme}
        .heading=${this.playing?this.fill(e.playerTitle,{name:this.name(this.playing)}):""}
        .closeLabel=${e.close}
        exportparts="dialog, dialog-header, dialog-title, dialog-close, dialog-body"
        @meet-dialog-close=${()=>this.playing=null}
      >
        ${this.playing?c`<meet-recording-player
              part="player"
              .baseUrl=${this.baseUrl}
              .token=${this.token}
              .labels=${this.labels}
              theme=${this.theme}
              recording-id=${this.playing.recordingId}
              fit-viewport
              autoplay
            ></meet-recording-player>`:p}
      </meet-dialog>

      <meet-dialog
        class="confirm"
        theme=${this.theme}
        alert
        .heading=${s?e.deleteTitleOne:this.fill(e.deleteTitleMany,{count:i.length})}
        .closeLabel=${e.close}
        exportparts="dialog, dialog-header, dialog-title, dialog-close, dialog-body, dialog-footer"
        @meet-dialog-close=${()=>this.deleting=[]}
      >
        <p class="confirm">
          ${s?this.fill(e.deleteBodyOne,{name:s.roomName,date:I(s.startDate,this.locale)}):this.fill(e.deleteBodyMany,{count:i.length})}
        </p>
        <button slot="footer" data-autofocus @click=${()=>this.confirmDialog.close()} ?disabled=${this.deleteBusy}>
          ${e.cancel}
        </button>
        <button slot="footer" class="danger" part="confirm-delete" @click=${this.confirmDelete} ?disabled=${this.deleteBusy}>
          ${this.deleteBusy?c`<span class="spinner" aria-hidden="true"></span>${e.deleting}`:c`${m("delete")} ${e.deleteConfirm}`}
        </button>
      </meet-dialog>

      <meet-share-dialog
        .baseUrl=${this.baseUrl}
        .token=${this.token}
        .labels=${this.labels}
        theme=${this.theme}
        exportparts=${pr}
      ></meet-share-dialog>
    `}};b.styles=[M,L,S`
      :host {
        display: block;
        container-type: inline-size;
        color: var(--_text);
      }
      .root {
        display: grid;
        gap: 14px;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 12px 16px;
      }
      .title {
        display: flex;
        align-items: baseline;
        gap: 10px;
        min-width: 0;
      }
      h2 {
        margin: 0;
        font-size: 1.3em;
        font-weight: 750;
        letter-spacing: -0.015em;
        outline: none;
      }
      .count {
        color: var(--_muted);
        font-size: 0.92em;
        white-space: nowrap;
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      .search {
        position: relative;
        display: flex;
        align-items: center;
      }
      .search svg {
        position: absolute;
        left: 10px;
        color: var(--_muted);
        pointer-events: none;
        width: 18px;
        height: 18px;
      }
      .search input {
        padding-left: 34px;
        width: 15em;
      }
      .field {
        display: flex;
        flex-direction: column;
        gap: 2px;
      }
      .selbar {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 8px 12px;
        padding: 4px 8px 4px 15px;
        min-height: 50px;
        border-radius: var(--_radius);
        border: 1px solid transparent;
      }
      .selbar.active {
        border-color: color-mix(in srgb, var(--_accent) 45%, var(--_border));
        background: color-mix(in srgb, var(--_accent) 7%, var(--_surface));
      }
      .selbar label {
        display: inline-flex;
        align-items: center;
        gap: 16px;
        font-weight: 600;
        cursor: pointer;
        min-height: 36px;
        color: var(--_muted);
      }
      .selbar.active label {
        color: var(--_text);
      }
      .selbar label input {
        margin: 0 5px;
      }
      .selbar .spacer {
        flex: 1;
      }
      .selbar button {
        min-height: 36px;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 10px;
      }
      li.item {
        display: grid;
        grid-template-columns: auto 168px minmax(0, 1fr) auto;
        grid-template-areas: "check poster main actions";
        align-items: center;
        gap: 14px 16px;
        padding: 12px 14px;
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        transition:
          border-color 0.15s,
          box-shadow 0.15s;
      }
      li.item:hover {
        border-color: color-mix(in srgb, var(--_text) 22%, var(--_border));
      }
      li.item.selected {
        border-color: var(--_accent);
        box-shadow: 0 0 0 1px var(--_accent);
      }
      .check {
        grid-area: check;
        display: grid;
        place-items: center;
        width: 28px;
        height: 28px;
      }
      .poster {
        grid-area: poster;
        position: relative;
        aspect-ratio: 16 / 9;
        border-radius: var(--_radius-sm);
        overflow: hidden;
        background: var(--_surface-2);
        display: grid;
        place-items: center;
        color: var(--_muted);
        border: 0;
        padding: 0;
        width: 100%;
        min-height: 0;
      }
      .poster.playable {
        cursor: pointer;
      }
      .poster img {
        position: absolute;
        inset: 0;
        width: 100%;
        height: 100%;
        object-fit: cover;
      }
      .poster .play {
        position: absolute;
        width: 40px;
        height: 40px;
        border-radius: 50%;
        background: rgb(0 0 0 / 0.55);
        color: #fff;
        display: grid;
        place-items: center;
        opacity: 0;
        transform: scale(0.9);
        transition:
          opacity 0.15s,
          transform 0.15s;
      }
      .poster.playable:hover .play {
        opacity: 1;
        transform: none;
      }
      .poster .clock {
        position: absolute;
        right: 6px;
        bottom: 6px;
        padding: 1px 6px;
        border-radius: 4px;
        background: rgb(0 0 0 / 0.72);
        color: #fff;
        font-size: 0.76em;
        font-weight: 650;
        font-variant-numeric: tabular-nums;
      }
      .poster .live {
        display: grid;
        justify-items: center;
        gap: 4px;
        font-size: 0.8em;
        font-weight: 650;
      }
      .poster .live.rec {
        color: var(--_recording);
        display: inline-flex;
        align-items: center;
        gap: 6px;
        font-weight: 750;
        letter-spacing: 0.04em;
      }
      .poster .live .dot {
        width: 10px;
        height: 10px;
        border-radius: 50%;
        background: currentColor;
        animation: meet-pulse 1.6s ease-in-out infinite;
      }
      .poster .live .spinner {
        width: 22px;
        height: 22px;
      }
      .main {
        grid-area: main;
        min-width: 0;
        display: grid;
        gap: 4px;
      }
      .name-row {
        display: flex;
        align-items: center;
        gap: 10px;
        min-width: 0;
        flex-wrap: wrap;
      }
      .name {
        font-weight: 680;
        font-size: 1.02em;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        min-width: 0;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 2px 14px;
        color: var(--_muted);
        font-size: 0.9em;
        font-variant-numeric: tabular-nums;
      }
      .meta span {
        display: inline-flex;
        align-items: center;
        gap: 5px;
        white-space: nowrap;
      }
      .meta svg.icon {
        width: 15px;
        height: 15px;
      }
      .error-text {
        color: var(--_danger);
        font-size: 0.88em;
      }
      .actions {
        grid-area: actions;
        display: flex;
        gap: 2px;
        justify-content: flex-end;
      }
      .more {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 6px;
        padding: 6px 0 2px;
      }
      .more .hint {
        color: var(--_muted);
        font-size: 0.88em;
      }
      .state {
        display: grid;
        justify-items: center;
        text-align: center;
        gap: 10px;
        padding: 48px 24px;
        border: 1px dashed var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      .state .big {
        width: 60px;
        height: 60px;
        display: grid;
        place-items: center;
        border-radius: 50%;
        color: var(--_s, var(--_accent));
        background: color-mix(in srgb, var(--_s, var(--_accent)) 11%, transparent);
        margin-bottom: 4px;
      }
      .state .big svg {
        width: 30px;
        height: 30px;
      }
      .state.error {
        --_s: var(--_danger);
        border-style: solid;
      }
      .state.forbidden {
        --_s: var(--_warning);
        border-style: solid;
      }
      .state h3 {
        margin: 0;
        font-size: 1.1em;
      }
      .state p {
        margin: 0;
        color: var(--_muted);
        max-width: 46ch;
      }
      .poster .fill {
        position: absolute;
        inset: 0;
        border-radius: 0;
      }
      .skel .line {
        height: 12px;
      }
      .skel .line.wide {
        width: 55%;
        height: 15px;
      }
      .skel .line.narrow {
        width: 35%;
      }
      .skel .poster {
        border-radius: var(--_radius-sm);
      }
      .skel .box {
        width: 18px;
        height: 18px;
        border-radius: 4px;
      }
      .conn {
        font-size: 0.88em;
        color: var(--_warning);
        display: flex;
        align-items: center;
        gap: 6px;
      }
      .notice ul.failed {
        margin: 6px 0 0;
        padding-left: 1.2em;
        list-style: disc;
        display: block;
        font-size: 0.9em;
        color: var(--_muted);
      }
      .notice .grow {
        flex: 1;
        min-width: 0;
      }
      .toast {
        inset: auto 0 24px 0;
        margin: 0 auto;
        width: max-content;
        max-width: calc(100vw - 32px);
        padding: 10px 16px;
        border: 0;
        border-radius: var(--_radius-sm);
        background: var(--_text);
        color: var(--_surface);
        font: inherit;
        font-weight: 600;
        box-shadow: var(--_shadow);
        display: none;
        align-items: center;
        gap: 8px;
      }
      .toast:popover-open {
        display: flex;
      }
      .confirm p {
        margin: 0;
        color: var(--_muted);
      }
      .player-dialog meet-recording-player {
        display: block;
      }
      @container (max-width: 760px) {
        li.item {
          grid-template-columns: auto 128px minmax(0, 1fr);
          grid-template-areas:
            "check poster main"
            ". actions actions";
          gap: 8px 12px;
        }
        .actions {
          border-top: 1px solid var(--_border);
          padding-top: 6px;
        }
        .search input {
          width: 100%;
        }

        .tools {
          width: 100%;
        }
        .tools > * {
          flex: 1 1 140px;
        }
        .tools > button.icon {
          flex: none;
        }
        .tools > .search {
          flex-basis: 100%;
        }
        .tools select {
          width: 100%;
        }
      }
      @container (max-width: 440px) {
        .selbar label {
          flex-basis: 100%;
        }
        .selbar .spacer {
          display: none;
        }
        .selbar button {
          flex: 1;
        }
        li.item {
          grid-template-columns: auto 96px minmax(0, 1fr);
          padding: 10px;
        }
        .actions {
          justify-content: space-between;
        }
        .name {
          font-size: 0.96em;
        }
        .meta {
          font-size: 0.84em;
          gap: 0 10px;
        }
        .poster .clock {
          display: none;
        }
      }
    `],d([y({attribute:"room-id",reflect:!0})],b.prototype,"roomId",2),d([y({reflect:!0})],b.prototype,"mode",2),d([y({attribute:"page-size",type:Number,reflect:!0})],b.prototype,"pageSize",2),d([g()],b.prototype,"me",2),d([g()],b.prototype,"items",2),d([g()],b.prototype,"nextPageToken",2),d([g()],b.prototype,"phase",2),d([g()],b.prototype,"loadingMore",2),d([g()],b.prototype,"failure",2),d([g()],b.prototype,"status",2),d([g()],b.prototype,"sort",2),d([g()],b.prototype,"search",2),d([g()],b.prototype,"roomFilter",2),d([g()],b.prototype,"rooms",2),d([g()],b.prototype,"selected",2),d([g()],b.prototype,"posters",2),d([g()],b.prototype,"notice",2),d([g()],b.prototype,"live",2),d([g()],b.prototype,"playing",2),d([g()],b.prototype,"deleting",2),d([g()],b.prototype,"deleteBusy",2),d([g()],b.prototype,"announcement",2),d([g()],b.prototype,"toast",2),d([T("meet-dialog.player-dialog")],b.prototype,"playerDialog",2),d([T("meet-dialog.confirm")],b.prototype,"confirmDialog",2),d([T("meet-share-dialog")],b.prototype,"shareDialog",2),d([T("h2")],b.prototype,"heading",2),d([T(".toast")],b.prototype,"toastEl",2),b=d([C("meet-recordings")],b);var It=["video/webm;codecs=h264,opus","video/webm;codecs=vp9,opus","video/webm;codecs=vp8,opus","video/webm"],Pt=2e3,ur=5,mr=o=>new Promise(r=>setTimeout(r,o));function Mt(){return typeof MediaRecorder>"u"?"":It.find(o=>MediaRecorder.isTypeSupported(o))??""}var k=class extends P{constructor(){super(...arguments);this.roomId="";this.stream=null;this.hideRecordingsButton=!1;this.me=null;this.roomRecording=null;this.phase="idle";this.now=Date.now();this.notice=null;this.announcement="";this.progress={sentChunks:0,totalChunks:0,sentBytes:0,totalBytes:0};this.panelOpen=!1;this.liveError="";this.previewStream=null;this.capture=null;this.sse=null;this.generation=0;this.onBeforeUnload=e=>{this.capture&&!this.capture.dead&&!(this.capture.stopped&&this.capture.finalAcked)&&(e.preventDefault(),e.returnValue=this.t.leaveWarning)};this.onOnline=()=>{this.capture?.paused&&this.retryUpload()}}connectedCallback(){super.connectedCallback(),window.addEventListener("beforeunload",this.onBeforeUnload),window.addEventListener("online",this.onOnline),this.hasUpdated&&this.connect()}disconnectedCallback(){super.disconnectedCallback();let e=this.capture;e&&!e.stopped&&!e.dead&&(e.stopByUs=!0,this.stopRecorder(e)),window.removeEventListener("beforeunload",this.onBeforeUnload),window.removeEventListener("online",this.onOnline),this.generation++,this.sse?.stop(),this.sse=null,clearInterval(this.ticker)}updated(e){(e.has("roomId")||e.has("token")&&!this.tokenRenewed(e)||e.has("baseUrl"))&&this.connect(),e.has("previewStream")&&this.previewEl&&(this.previewEl.srcObject=this.previewStream)}get currentRoomId(){return this.roomId.trim()||this.me?.room?.roomId||""}get tokenRoomId(){return this.currentRoomId}async connect(){let e=++this.generation;if(this.sse?.stop(),this.sse=null,this.liveError="",!this.roomId.trim()&&!this.token)return;try{let s=await this.api.me(this.roomId.trim()||void 0);if(e!==this.generation)return;this.me=s}catch(s){if(e!==this.generation)return;this.me=null,this.liveError=this.report(s,"permissions")}let t=this.currentRoomId;if(!t)return;let i=new Q({url:()=>this.api.url(`/rooms/${encodeURIComponent(t)}/recording/events`),headers:()=>this.api.headers({Accept:"text/event-stream"}),onMessage:s=>{let n={};try{n=JSON.parse(s.data)}catch{return}this.liveError="",this.onRoomRecording(n.recording??null,s.event)},onFatal:s=>{(async()=>{if(s.status===401&&this.sse===i&&await this.renewAfterRefusal(this.token)){this.sse===i&&i.start();return}this.sse===i&&(this.liveError=this.report(s,"live-updates"))})()}});this.sse=i,i.start()}onRoomRecording(e,t){let i=e&&(e.status==="starting"||e.status==="active"),s=this.roomRecording,n=!!s&&(s.status==="starting"||s.status==="active");t==="state"?this.roomRecording=i?e:null:e&&(i?this.roomRecording=e:(!s||s.recordingId===e.recordingId)&&(this.roomRecording=null));let a=!!this.roomRecording;if(a&&!n){this.announcement=this.t.recordingStartedAnnounce,this.startTicker();let u=this.capture?.recordingId===this.roomRecording.recordingId||this.phase==="starting";u||this.emit("meet-recording-started",{recordingId:this.roomRecording.recordingId,roomId:this.roomRecording.roomId,startDate:this.roomRecording.startDate,local:u})}else!a&&n&&(this.announcement=this.t.recordingStoppedAnnounce,clearInterval(this.ticker),this.emit("meet-recording-stopped",{recordingId:s.recordingId,roomId:s.roomId,status:e?.status??"ending",local:this.capture?.recordingId===s.recordingId}));let l=this.capture;l&&e&&e.recordingId===l.recordingId&&!l.stopped&&(e.status==="ending"||e.status==="complete"||e.status==="limit_reached"?(l.stopByUs||(this.notice={kind:"warning",message:this.t.stoppedElsewhere}),this.stopRecorder(l)):(e.status==="failed"||e.status==="aborted")&&this.abandon(l,this.fill(this.t.recordingFailed,{message:e.error||e.status})))}startTicker(){clearInterval(this.ticker),this.now=Date.now(),this.ticker=setInterval(()=>this.now=Date.now(),1e3)}async onStartClick(){if(this.notice=null,this.stream){await this.start(this.stream,!1);return}this.sourcesDialog.show()}async chooseSource(e){this.sourcesDialog.close();let t=this.t;if(typeof MediaRecorder>"u"||!navigator.mediaDevices){this.notice={kind:"error",message:t.unsupported};return}this.phase="acquiring";let i;try{i=e==="camera"?await navigator.mediaDevices.getUserMedia({video:{width:{ideal:1280},height:{ideal:720}},audio:!0}):await navigator.mediaDevices.getDisplayMedia({video:!0,audio:!0})}catch(s){this.phase="idle";let n=s?.name,a=s?.message||t.permissionDenied;n==="NotAllowedError"||n==="SecurityError"?a=e==="camera"?t.permissionDenied:t.captureCancelled:n==="NotFoundError"||n==="OverconstrainedError"?a=t.noDevice:n==="AbortError"&&(a=t.captureCancelled),this.notice={kind:"error",message:a},this.emit("meet-error",{action:"capture",status:0,error:n||"Error",message:a});return}await this.start(i,!0)}async start(e,t){let i=this.t,s=()=>{if(t)for(let h of e.getTracks())h.stop()},n=Mt();if(typeof MediaRecorder>"u"){this.notice={kind:"error",message:i.unsupported},s();return}let a=this.currentRoomId;this.phase="starting";let l;try{l=await this.api.startRecording(a)}catch(h){s(),this.phase="idle";let v;h instanceof x&&h.status===403?v=this.report(h,"start",i.startRefused403):h instanceof x&&h.status===409?(this.report(h,"start"),v=i.startRefused409):v=this.report(h,"start"),this.notice={kind:"error",message:v};return}let u;try{u=new MediaRecorder(e,n?{mimeType:n}:void 0)}catch(h){s(),this.phase="idle",this.notice={kind:"error",message:h?.message||i.unsupported},this.api.stopRecording(l.recordingId).catch(()=>{});return}let f={recordingId:l.recordingId,roomId:a,recorder:u,stream:e,ownStream:t,mimeType:u.mimeType||n,queue:[],lastSent:null,nextSeq:0,stopped:!1,finalAcked:!1,stopByUs:!1,stopRequested:!1,pumping:!1,paused:!1,dead:!1,sentChunks:0,totalChunks:0,sentBytes:0,totalBytes:0};this.capture=f,this.progress={sentChunks:0,totalChunks:0,sentBytes:0,totalBytes:0},u.addEventListener("dataavailable",h=>{!h.data||h.data.size===0||f.dead||(f.queue.push({seq:f.nextSeq++,blob:h.data}),f.totalChunks+=1,f.totalBytes+=h.data.size,this.syncProgress(f),this.pump(f))}),u.addEventListener("stop",()=>{f.stopped=!0,f.dead||(this.phase="finishing"),this.pump(f)}),u.addEventListener("error",()=>{f.stopByUs=!0});for(let h of e.getTracks())h.addEventListener("ended",()=>{this.capture===f&&!f.stopped&&e.getTracks().every(v=>v.readyState==="ended")&&this.stop()});u.start(Pt),this.previewStream=t&&e.getVideoTracks().length?e:null,this.phase="recording",this.roomRecording||(this.roomRecording=l,this.announcement=i.recordingStartedAnnounce,this.startTicker()),this.emit("meet-recording-started",{recordingId:l.recordingId,roomId:a,startDate:l.startDate,local:!0,mimeType:f.mimeType})}async stop(){let e=this.capture;if(e&&!e.stopped&&!e.dead){e.stopByUs=!0,this.phase="stopping",this.stopRecorder(e);return}let t=this.roomRecording;if(t){this.phase="stopping";try{await this.api.stopRecording(t.recordingId)}catch(i){i instanceof x&&i.status===409||(this.notice={kind:"error",message:this.report(i,"stop")})}finally{this.phase="idle"}}}stopRecorder(e){if(e.stopRequested)return;e.stopRequested=!0;let t=()=>{e.stopped=!0,this.pump(e)};if(e.recorder.state!=="inactive")try{e.recorder.stop()}catch{t()}else e.stopped||t();this.releaseStream(e)}releaseStream(e){if(e.ownStream){let t=()=>e.stream.getTracks().forEach(i=>i.stop());e.recorder.state==="inactive"?t():e.recorder.addEventListener("stop",t,{once:!0})}this.previewStream=null}abandon(e,t){if(e.dead=!0,e.queue=[],e.recorder.state!=="inactive")try{e.recorder.stop()}catch{}this.releaseStream(e),this.notice={kind:"error",message:t},this.phase="idle",this.capture=null}async pump(e){if(!(e.pumping||e.paused||e.dead)){e.pumping=!0;try{for(;;){if(e.dead)return;let t=e.queue[0],i=!1;if(t)i=e.stopped&&e.queue.length===1;else{if(!e.stopped||e.finalAcked)break;if(!e.lastSent){e.finalAcked=!0;break}t=e.lastSent,e.queue.push(t),i=!0}try{await this.send(e,t,i)}catch(s){if(e.dead)return;if(s instanceof x&&s.isTransient)e.paused=!0,this.notice={kind:"warning",message:this.fill(this.t.uploadPaused,{count:e.queue.length}),retry:!0},this.emit("meet-error",{action:"upload",status:s.status,error:s.error||"Network",message:this.describe(s)});else{let n=this.fill(this.t.uploadFailed,{message:this.report(s,"upload")});this.abandon(e,n)}return}e.queue.shift(),i?e.finalAcked=!0:(e.sentChunks+=1,e.sentBytes+=t.blob.size),e.lastSent=t,this.syncProgress(e,i)}}finally{e.pumping=!1}e.stopped&&e.finalAcked&&!e.dead&&await this.finish(e)}}async send(e,t,i){let s=0;for(;;)try{(await this.api.uploadChunk(e.recordingId,t.seq,t.blob,i)).status==="ending"&&!e.stopped&&!e.stopByUs&&(this.notice={kind:"warning",message:this.t.stoppedElsewhere},this.stopRecorder(e));return}catch(n){let a=n instanceof x&&n.isTransient;if(s+=1,!a||s>=ur||(await mr(Math.min(16e3,1e3*2**(s-1))*(.8+Math.random()*.4)),e.dead))throw n;if(!i&&await this.arrived(e,t.seq))return}}async arrived(e,t){try{return(await this.api.chunks(e.recordingId)).received.includes(t)}catch{return!1}}retryUpload(){let e=this.capture;!e||!e.paused||(e.paused=!1,this.notice=null,(async()=>{try{let t=await this.api.chunks(e.recordingId),i=new Set(t.received);e.queue=e.queue.filter((s,n)=>!i.has(s.seq)||e.stopped&&n===e.queue.length-1)}catch{}this.pump(e)})())}async finish(e){if(this.capture===e){if(e.stopByUs)try{await this.api.stopRecording(e.recordingId)}catch(t){t instanceof x&&t.status===409||(this.notice={kind:"error",message:this.report(t,"stop")})}this.capture=null,this.phase="idle",e.totalChunks?(!this.notice||this.notice.kind==="success")&&(this.notice={kind:"success",message:this.t.saved}):this.notice={kind:"warning",message:this.t.nothingRecorded},this.roomRecording?.recordingId===e.recordingId&&(this.roomRecording=null,clearInterval(this.ticker),this.announcement=this.t.recordingStoppedAnnounce,this.emit("meet-recording-stopped",{recordingId:e.recordingId,roomId:e.roomId,status:"ending",local:!0}))}}syncProgress(e,t=!1){this.progress={sentChunks:e.sentChunks,totalChunks:e.totalChunks,sentBytes:e.sentBytes,totalBytes:e.totalBytes},this.emit("meet-upload-progress",{recordingId:e.recordingId,...this.progress,pendingChunks:e.queue.length,final:t})}renderIndicator(){let e=this.t,t=this.roomRecording;if(!t)return this.me?c`<span class="indicator idle" part="indicator"><span class="dot" aria-hidden="true"></span>${e.notRecording}</span>`:p;let i=t.startDate?Math.max(0,(this.now-t.startDate)/1e3):0,s=W(i);return c`<span class="indicator" part="indicator" title=${e.recordingRunning}>
      <span class="dot" aria-hidden="true"></span>
      <span aria-hidden="true">${e.rec}</span>
      <span class="sr-only">${e.recordingRunning}</span>
      <time part="elapsed" datetime=${`PT${Math.floor(i)}S`}>${s}</time>
    </span>`}renderSub(){let e=this.t,t=this.me?.room;if(!this.capture&&this.me?.principal.role==="moderator"&&t&&!t.recordingEnabled)return c`<span class="sub" part="upload-status"><span>${e.recordingDisabled}</span></span>`;let i=this.progress,s=this.capture;return this.phase==="finishing"||this.phase==="stopping"?c`<span class="sub" part="upload-status"
        ><span class="spinner" aria-hidden="true"></span><span>${e.finishing}</span></span
      >`:s&&i.totalChunks?c`<span class="sub" part="upload-status">${m("upload")}<span
          >${this.fill(e.uploading,{sent:i.sentChunks,total:i.totalChunks,bytes:X(i.sentBytes,this.locale)})}</span
        ></span>`:p}renderButtons(){let e=this.t,t=!!this.me?.permissions.record,i=!!this.roomRecording||!!this.capture,s=this.phase==="acquiring"||this.phase==="starting"||this.phase==="stopping",n=this.phase==="finishing",a=p;return t&&(i||this.phase==="stopping"||n?a=c`<button
          class="danger"
          part="stop-button"
          ?disabled=${s||n}
          @click=${()=>this.stop()}
        >
          ${this.phase==="stopping"||n?c`<span class="spinner" aria-hidden="true"></span>${e.stopping}`:c`${m("stop")} ${e.stopRecording}`}
        </button>`:a=c`<button class="primary start" part="start-button" ?disabled=${s} @click=${this.onStartClick}>
          ${s?c`<span class="spinner" aria-hidden="true"></span>${e.starting}`:c`<span class="rec-icon">${m("record")}</span> ${e.startRecording}`}
        </button>`),c`<div class="buttons">
      ${a}
      ${this.hideRecordingsButton?p:c`<button part="recordings-button" aria-haspopup="dialog" @click=${this.openPanel}>
            ${m("library")} ${e.openRecordings}
          </button>`}
    </div>`}async openPanel(){this.panelOpen=!0,await this.updateComplete,this.panel.show()}render(){let e=this.t,t=this.progress,i=t.totalBytes?Math.round(t.sentBytes/t.totalBytes*100):0,s=this.notice;return c`
      <div class="bar" part="bar">
        <div class="state">
          ${this.previewStream?c`<video class="preview" part="preview" muted autoplay playsinline aria-label=${e.preview}></video>`:p}
          ${this.renderIndicator()} ${this.renderSub()}
        </div>
        ${this.renderButtons()}
      </div>
      ${this.phase==="finishing"&&t.totalBytes?c`<progress part="progress" aria-label=${e.finishing} max="100" .value=${i}></progress>`:p}
      ${s?c`<div class="notice ${s.kind}" part="notice" role=${s.kind==="success"?"status":"alert"}>
            ${m(s.kind==="success"?"check":"warning")}
            <div class="grow">
              <p>${s.message}</p>
              ${s.retry?c`<button class="primary" part="retry-button" @click=${()=>this.retryUpload()}>
                    ${m("refresh")} ${e.retryUpload}
                  </button>`:p}
            </div>
            <button class="icon ghost" aria-label=${e.close} @click=${()=>this.notice=null}>${m("close")}</button>
          </div>`:p}
      ${this.liveError?c`<div class="notice warning" role="status">${m("warning")}<p>${this.liveError}</p></div>`:p}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>

      <meet-dialog class="sources-dialog" .heading=${e.chooseSource} .closeLabel=${e.close} theme=${this.theme}>
        <div class="sources">
          <button part="source-camera" @click=${()=>this.chooseSource("camera")} data-autofocus>
            ${m("camera")}<span>${e.sourceCamera}<small>${e.sourceCameraHint}</small></span>
          </button>
          <button part="source-screen" @click=${()=>this.chooseSource("screen")}>
            ${m("screen")}<span>${e.sourceScreen}<small>${e.sourceScreenHint}</small></span>
          </button>
        </div>
      </meet-dialog>

      <meet-dialog
        class="panel"
        size="panel"
        .heading=${this.me?.room?.roomName||e.recordingsPanel}
        .closeLabel=${e.close}
        theme=${this.theme}
        @meet-dialog-close=${()=>this.panelOpen=!1}
      >
        ${this.panelOpen?c`<meet-recordings
              part="recordings"
              mode="room"
              room-id=${this.currentRoomId}
              .baseUrl=${this.baseUrl}
              .token=${this.token}
              .labels=${this.labels}
              theme=${this.theme}
              page-size="10"
            ></meet-recordings>`:p}
      </meet-dialog>
    `}};k.styles=[M,L,S`
      :host {
        display: block;
        container-type: inline-size;
      }
      .bar {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 12px 16px;
      }
      .state {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 10px 12px;
        min-width: 0;
        flex: 1 1 auto;
      }
      .indicator {
        display: inline-flex;
        align-items: center;
        gap: 8px;
        padding: 6px 12px 6px 10px;
        border-radius: 999px;
        font-weight: 750;
        font-size: 0.92em;
        letter-spacing: 0.02em;
        background: color-mix(in srgb, var(--_recording) 14%, var(--_surface));
        color: var(--_recording);
        border: 1px solid color-mix(in srgb, var(--_recording) 35%, transparent);
        white-space: nowrap;
      }
      .indicator .dot {
        width: 10px;
        height: 10px;
        border-radius: 50%;
        background: var(--_recording);
        box-shadow: 0 0 0 0 color-mix(in srgb, var(--_recording) 60%, transparent);
        animation: rec-pulse 1.6s ease-out infinite;
      }
      .indicator time {
        font-variant-numeric: tabular-nums;
        color: var(--_text);
        font-weight: 650;
      }
      .indicator.idle {
        background: var(--_surface-2);
        color: var(--_muted);
        border-color: transparent;
        font-weight: 600;
      }
      .indicator.idle .dot {
        background: var(--_muted);
        animation: none;
        opacity: 0.6;
      }
      @keyframes rec-pulse {
        0% {
          box-shadow: 0 0 0 0 color-mix(in srgb, var(--_recording) 55%, transparent);
        }
        80%,
        100% {
          box-shadow: 0 0 0 8px transparent;
        }
      }
      .sub {
        color: var(--_muted);
        font-size: 0.88em;
        display: flex;
        align-items: center;
        gap: 6px;
        min-width: 0;
      }
      .sub span {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .buttons {
        display: flex;
        gap: 8px;
        flex-wrap: wrap;
      }
      button.start .rec-icon {
        display: inline-flex;
        color: var(--_recording);
      }
      button.primary.start .rec-icon {
        color: inherit;
      }
      .preview {
        width: 96px;
        aspect-ratio: 16 / 9;
        border-radius: var(--_radius-sm);
        background: #000;
        object-fit: cover;
        flex: none;
      }
      progress {
        display: block;
        width: 100%;
        height: 6px;
        margin-top: 12px;
        border: 0;
        border-radius: 3px;
        overflow: hidden;
        appearance: none;
        background: var(--_surface-2);
        accent-color: var(--_accent);
      }
      progress::-webkit-progress-bar {
        background: var(--_surface-2);
      }
      progress::-webkit-progress-value {
        background: var(--_accent);
        transition: width 0.3s;
      }
      progress::-moz-progress-bar {
        background: var(--_accent);
      }
      .notice {
        margin-top: 12px;
      }
      .notice .grow {
        flex: 1;
        min-width: 0;
      }
      .notice button {
        margin-top: 8px;
      }
      .sources {
        display: grid;
        gap: 10px;
      }
      .sources button {
        justify-content: flex-start;
        text-align: left;
        gap: 14px;
        padding: 14px 16px;
        min-height: 64px;
        white-space: normal;
        font-weight: 600;
      }
      .sources button svg {
        width: 28px;
        height: 28px;
        color: var(--_accent);
      }
      .sources small {
        display: block;
        color: var(--_muted);
        font-weight: 400;
        font-size: 0.88em;
      }
      .panel meet-recordings {
        display: block;
      }
      @media (prefers-reduced-motion: reduce) {
        .indicator .dot {
          animation: none;
        }
      }
      @container (max-width: 480px) {
        .buttons {
          width: 100%;
        }
        .buttons button {
          flex: 1;
        }
        .sub {
          flex-basis: 100%;
        }
        .sub span {
          white-space: normal;
        }
      }
    `],d([y({attribute:"room-id",reflect:!0})],k.prototype,"roomId",2),d([y({attribute:!1})],k.prototype,"stream",2),d([y({type:Boolean,attribute:"hide-recordings-button",reflect:!0})],k.prototype,"hideRecordingsButton",2),d([g()],k.prototype,"me",2),d([g()],k.prototype,"roomRecording",2),d([g()],k.prototype,"phase",2),d([g()],k.prototype,"now",2),d([g()],k.prototype,"notice",2),d([g()],k.prototype,"announcement",2),d([g()],k.prototype,"progress",2),d([g()],k.prototype,"panelOpen",2),d([g()],k.prototype,"liveError",2),d([g()],k.prototype,"previewStream",2),d([T("meet-dialog.sources-dialog")],k.prototype,"sourcesDialog",2),d([T("meet-dialog.panel")],k.prototype,"panel",2),d([T("video.preview")],k.prototype,"previewEl",2),k=d([C("meet-recording-controls")],k);var Se=["auto","light","dark"],Dt="meet-embed-theme";function Lt(){try{let o=localStorage.getItem(Dt);return Se.includes(o??"")?o:"auto"}catch{return"auto"}}function zt(o){let r=document.documentElement;o==="auto"?r.removeAttribute("data-theme"):r.setAttribute("data-theme",o);for(let e of document.querySelectorAll("meet-recordings, meet-recording-player, meet-recording-controls"))e.setAttribute("theme",o);for(let e of document.querySelectorAll("[data-theme-switch]")){let t=e.dataset[`label${o[0].toUpperCase()}${o.slice(1)}`]??o;e.dataset.current=o,e.setAttribute("aria-label",t),e.title=t;let i=e.querySelector("[data-theme-label]");i&&(i.textContent=t)}}function Ut(){if(document.documentElement.hasAttribute("data-meet-page")){zt(Lt());for(let o of document.querySelectorAll("[data-theme-switch]"))o.hidden=!1,o.addEventListener("click",()=>{let r=Se[(Se.indexOf(Lt())+1)%Se.length];try{localStorage.setItem(Dt,r)}catch{}zt(r)})}}document.readyState==="loading"?document.addEventListener("DOMContentLoaded",Ut,{once:!0}):Ut();export{x as ApiError,et as DEFAULT_LABELS,It as MIME_TYPES,re as MeetApi,A as MeetDialog,k as MeetRecordingControls,$ as MeetRecordingPlayer,b as MeetRecordings,R as MeetShareDialog,Q as SseClient,Te as SseParser,Pt as TIMESLICE_MS,Je as defaultBaseUrl,Mt as pickMimeType};
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
@lit/reactive-element/decorators/custom-element.js:
@lit/reactive-element/decorators/property.js:
@lit/reactive-element/decorators/state.js:
@lit/reactive-element/decorators/event-options.js:
@lit/reactive-element/decorators/base.js:
@lit/reactive-element/decorators/query.js:
@lit/reactive-element/decorators/query-all.js:
@lit/reactive-element/decorators/query-async.js:
@lit/reactive-element/decorators/query-assigned-nodes.js:
lit-html/directive.js:
lit-html/directives/repeat.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/decorators/query-assigned-elements.js:
  (**
   * @license
   * Copyright 2021 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/directive-helpers.js:
  (**
   * @license
   * Copyright 2020 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)
*/
//# sourceMappingURL=meet-embed.js.map
