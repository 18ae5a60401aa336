/* meet-embed web components. Built from frontend/ by `npm run build`: do not edit. */
var ci=Object.defineProperty;var hi=Object.getOwnPropertyDescriptor;var d=(o,r,e,t)=>{for(var i=t>1?void 0:t?hi(r,e):r,s=o.length-1,n;s>=0;s--)(n=o[s])&&(i=(t?n(r,e,i):n(i))||i);return t&&i&&ci(r,e,i),i};var pe=new Map,lt=new Map,Be=new Map,we=new Set,qe=new Set,dt=new Map;function Ve(o){let r=o.split(".")[1];if(!r)return null;try{let e=r.replace(/-/g,"+").replace(/_/g,"/"),t=atob(e.padEnd(Math.ceil(e.length/4)*4,"=")),i=JSON.parse(t);return i&&typeof i=="object"?i:null}catch{return null}}function ct(o){let r=lt.get(o);if(r)return r;let e=Ve(o)?.exp;return typeof e=="number"?e*1e3:0}function ht(o){let r=ct(o);if(!r||we.has(o))return 0;let e=Ve(o),t=(e?.iat??e?.nbf??0)*1e3,i=t&&t<r?r-t:3e5*4;return r-Math.min(3e5,i*.25)}function pi(o){let r=o;for(let e=0;e<100&&pe.has(r);e++)r=pe.get(r);return r}function pt(o,r){if(typeof o!="string"||!o||!r||o===r)return!1;let e=o;for(let t=0;t<100&&pe.has(e);t++)if(e=pe.get(e),e===r)return!0;return!1}function ut(o){o&&qe.add(o)}function mt(o){return qe.has(o)}function ui(o){let r=pi(o);return r===o?null:dt.get(r)??null}function gt(o,r,e){let t=ui(r);if(t)return Promise.resolve(t);if(!r||we.has(r))return Promise.resolve(null);let i=Ve(r)?.roomId||e;if(!i)return Promise.resolve(null);let s=`${o}
${r}`,n=Be.get(s);return n||(n=mi(o,r,i).finally(()=>Be.delete(s)),Be.set(s,n)),n}async function mi(o,r,e){let t;try{t=await fetch(`${o}/rooms/${encodeURIComponent(e)}/token/refresh`,{method:"POST",headers:{Accept:"application/json","X-Room-Member-Token":r},credentials:"same-origin",cache:"no-store"})}catch{return null}if(!t.ok)return t.status!==408&&t.status!==429&&t.status<500&&we.add(r),null;let i;try{i=await t.json()}catch{return null}if(!i.token||typeof i.token!="string")return null;let s={token:i.token,expiresAt:Number(i.expiresAt)||ct(i.token),roomId:i.roomId||e,role:i.role||""};return s.token!==r&&pe.set(r,s.token),lt.set(s.token,s.expiresAt),dt.set(s.token,s),qe.add(s.token),s}function ft(o){return!!o&&!we.has(o)}var vt=3e4;var gi=["complete","limit_reached"];function O(o){return!!o&&gi.includes(o.status)}var bt=["admin","admin_moderator","admin_moderator_speaker"],yt=["start","stop","play","download","zip","share_link_created","secrets_rotated","delete","room_created","room_config_changed","room_deleted","token_issued","retention_delete"],xt=["api_key","admin","member","share_secret","media_link","system","anonymous"];function $t(o){if(!(o instanceof w)||o.status!==422)return[];let r=o.body?.details;return Array.isArray(r)?r.filter(e=>!!e&&typeof e.field=="string"&&typeof e.message=="string"):[]}var w=class extends Error{constructor(r,e,t="",i=null){super(e),this.name="ApiError",this.status=r,this.error=t,this.body=i}get isNetwork(){return this.status===0}get isTransient(){return this.status===0||this.status===408||this.status===429||this.status>=500}},fi=import.meta.url;function wt(){try{let o=new URL(fi);o.search="",o.hash="";let r=o.pathname.replace(/\/static\/[^/]*$/,"");if(r!==o.pathname)return`${o.origin}${r}`}catch{}return`${location.origin}/meet`}var ue=class{constructor(r,e,t){this.base=(r||wt()).replace(/\/+$/,""),this.token=e||"",this.renewer=t??null}get apiBase(){return`${this.base}/api/v1`}url(r,e){let t=new URL(`${this.apiBase}${r}`,location.href);for(let[i,s]of Object.entries(e??{}))s!=null&&s!==""&&t.searchParams.set(i,String(s));return t.toString()}headers(r){let e={Accept:"application/json",...r};return this.token&&(e["X-Room-Member-Token"]=this.token),e}async request(r,e,t={},i=!1){let s=this.headers(t.headers),n;t.body instanceof Blob||typeof t.body=="string"?n=t.body:t.body!=null&&(n=JSON.stringify(t.body),s["Content-Type"]="application/json");let a;try{a=await fetch(this.url(e,t.query),{method:r,headers:s,body:n,signal:t.signal,credentials:"same-origin",cache:"no-store"})}catch(h){throw h?.name==="AbortError"?h:new w(0,h?.message||"Network error")}let c=this.token;if(a.ok&&c&&ut(c),a.status===401&&c&&this.renewer&&!i){let h=await this.renewer(c).catch(()=>null);if(h)return await a.body?.cancel().catch(()=>{}),this.token=h,this.request(r,e,t,!0)}return t.raw&&a.ok?a:await vi(a)}get(r,e,t){return this.request("GET",r,{query:e,signal:t})}me(r,e){return this.get("/me",{roomId:r},e)}listRecordings(r,e){return this.get("/recordings",r,e)}async listRooms(r){let e=[],t;do{let i=await this.get("/rooms",{maxItems:100,nextPageToken:t},r);e.push(...i.rooms.map(({roomId:s,roomName:n})=>({roomId:s,roomName:n}))),t=i.pagination.isTruncated?i.pagination.nextPageToken:void 0}while(t);return{rooms:e}}roomsPage(r,e){return this.get("/rooms",r,e)}createRoom(r,e){return this.request("POST","/rooms",{body:{roomName:r,config:{recording:e}}})}updateRoomRecording(r,e){return this.request("PUT",`/rooms/${encodeURIComponent(r)}/config`,{body:{config:{recording:e}}})}deleteRoom(r,e){return this.request("DELETE",`/rooms/${encodeURIComponent(r)}`,{query:{withRecordings:e}})}audit(r,e){return this.get("/audit",r,e)}recording(r,e,t){return this.get(`/recordings/${encodeURIComponent(r)}`,{secret:e},t)}mediaUrl(r,e){return this.get(`/recordings/${encodeURIComponent(r)}/media-url`,void 0,e)}async poster(r,e,t){return(await this.request("GET",`/recordings/${encodeURIComponent(r)}/poster`,{query:{secret:e},signal:t,raw:!0,headers:{Accept:"image/*"}})).blob()}secretMediaUrl(r,e,t=!1){return this.url(`/recordings/${encodeURIComponent(r)}/media`,{secret:e,download:t?1:null})}shareUrl(r,e,t){return this.get(`/recordings/${encodeURIComponent(r)}/url`,{privateAccess:e,expiresIn:t})}rotateSecrets(r){return this.request("POST",`/recordings/${encodeURIComponent(r)}/secrets/rotate`)}deleteRecording(r){return this.request("DELETE",`/recordings/${encodeURIComponent(r)}`)}bulkDelete(r){return this.request("DELETE","/recordings",{query:{recordingIds:r.join(",")}})}zipUrl(r){return this.get("/recordings/download-url",{recordingIds:r.join(",")})}startRecording(r){return this.request("POST","/recordings",{body:{roomId:r}})}stopRecording(r){return this.request("POST",`/recordings/${encodeURIComponent(r)}/stop`)}uploadChunk(r,e,t,i,s){return this.request("PUT",`/recordings/${encodeURIComponent(r)}/chunks/${e}`,{query:{final:i?"true":null},body:t,signal:s,headers:{"Content-Type":t.type||"application/octet-stream"}})}chunks(r){return this.get(`/recordings/${encodeURIComponent(r)}/chunks`)}};async function vi(o){let r=await o.text().catch(()=>""),e=null;if(r)try{e=JSON.parse(r)}catch{e=r}if(o.ok)return e;let t=e&&typeof e=="object"?e:{};throw new w(o.status,t.message||o.statusText||`HTTP ${o.status}`,t.error||"",e)}function oe(o,r=""){let e=document.createElement("a");e.href=o,e.download=r,e.rel="noopener",e.style.display="none",document.body.append(e),e.click(),e.remove()}var kt={listTitle:"Recordings",consoleTitle:"All recordings",countOne:"1 recording",countMany:"{count} recordings",countMore:"{count}+ recordings",searchRoomName:"Search by room name",roomFilter:"Room",allRooms:"All rooms",statusFilter:"Status",allStatuses:"All statuses",sortBy:"Sort by",sortNewest:"Newest first",sortOldest:"Oldest first",sortLongest:"Longest first",sortShortest:"Shortest first",sortLargest:"Largest first",sortSmallest:"Smallest first",sortRoomAz:"Room name (A to Z)",sortRoomZa:"Room name (Z to A)",refresh:"Refresh",loadMore:"Load more",loadingMore:"Loading\u2026",loading:"Loading recordings\u2026",emptyTitle:"No recordings yet",emptyRoom:"When a moderator records a meeting in this room, the recording appears here.",emptyConsole:"Recordings of every room appear here as soon as they are made.",emptyFilteredTitle:"No recordings match",emptyFiltered:"Try another status, search or room.",clearFilters:"Clear filters",selectRecording:"Select recording of {name}",selectAll:"Select all shown recordings",selectedCount:"{count} selected",clearSelection:"Clear selection",downloadZip:"Download ZIP",zipLeftOutOne:"1 selected recording cannot be played (it failed or was aborted): it is not in the ZIP.",zipLeftOutMany:"{count} selected recordings cannot be played (they failed or were aborted): they are not in the ZIP.",deleteSelected:"Delete",play:"Play",playRecording:"Play recording of {name}",download:"Download",downloadRecording:"Download recording of {name}",share:"Share",shareRecording:"Share recording of {name}",delete:"Delete",deleteRecording:"Delete recording of {name}",liveUpdatesLost:"Live updates paused, reconnecting\u2026",status_starting:"Starting",status_active:"Recording",status_ending:"Processing",status_complete:"Ready",status_failed:"Failed",status_aborted:"Aborted",status_limit_reached:"Limit reached",room:"Room",date:"Date",duration:"Duration",size:"Size",status:"Status",close:"Close",cancel:"Cancel",playerTitle:"Recording of {name}",shareTitle:"Share recording",shareIntro:"A link to the recording of {name}.",shareWho:"Who can open the link?",sharePublic:"Anyone with the link",sharePublicHint:"No sign-in needed.",sharePrivate:"Signed-in users only",sharePrivateHint:"Viewers must be signed in to this application.",sharePrivateAdmins:"Administrators only",sharePrivateAdminsHint:"Only administrators can sign in to this application, so only they can open it.",shareChooseFirst:"Choose who can open the link first",shareExpiry:"The link works",expiryNever:"Until revoked",expiryHour:"For 1 hour",expiryDay:"For 1 day",expiryWeek:"For 7 days",expiryMonth:"For 30 days",shareExpiresAt:"The link stops working on {date}.",revokeHint:"Shared too widely? Every link made so far can stop working.",revokeLinks:"Revoke all links",revokeQuestion:"Revoke every link to this recording, public, private and expiring? Whoever has one can no longer open it.",revokeConfirm:"Revoke links",linksRevoked:"Every earlier link was revoked.",linksRevokedNew:"Every earlier link was revoked. This is the new link.",shareLink:"Share link",shareCreating:"Creating link\u2026",copy:"Copy",copyLink:"Copy link",copied:"Copied",linkCopied:"Link copied to the clipboard",copyFailed:"Could not copy. Select the link and copy it by hand.",deleteTitleOne:"Delete this recording?",deleteTitleMany:"Delete {count} recordings?",deleteBodyOne:"The recording of {name} from {date} will be deleted for everyone. This cannot be undone.",deleteBodyMany:"These {count} recordings will be deleted for everyone. This cannot be undone.",deleteConfirm:"Delete",deleting:"Deleting\u2026",deletedOne:"Recording deleted",deletedMany:"{count} recordings deleted",deletePartial:"{deleted} deleted, {failed} could not be deleted:",deleteFailedNotFound:"it was deleted already",deleteFailedNotStopped:"it is still being recorded or processed",deleteFailedOtherRoom:"it belongs to another room",preparingDownload:"Preparing the download\u2026",downloadStarted:"Download started",errorTitle:"Something went wrong",retry:"Try again",errorNetwork:"The server cannot be reached. Check your connection and try again.",errorServer:"The server had a problem ({status}). Try again in a moment.",errorUnauthorized:"Your session has ended or is missing. Open the room link again, or sign in.",errorForbidden:"You are not allowed to do this.",errorNotFound:"It does not exist, or it was deleted.",forbiddenAdmin:"Only administrators can access this room's recordings.",forbiddenModerator:"Only administrators and moderators can access this room's recordings.",forbiddenConsole:"Only administrators can see every room's recordings.",forbiddenHint:"An administrator decides who may see a room's recordings.",missingRoom:"No room was given (set the room-id attribute).",playerLoading:"Loading the recording\u2026",notReady:"This recording cannot be played yet ({status}).",invalidLink:"This link is not valid, or it has expired. Ask for a new one.",privateLink:"This link is private: sign in to watch the recording.",signIn:"Sign in",recordingNotFound:"This recording does not exist, or it was deleted.",mediaError:"The video could not be played.",reloadingMedia:"Reconnecting the video\u2026",details:"Details",videoLabel:"Recording of {name}, {date}",rec:"REC",recordingRunning:"Recording in progress",recordingStartedAnnounce:"This meeting is being recorded.",recordingStoppedAnnounce:"Recording stopped.",notRecording:"Not recording",recordingDisabled:"Recording is turned off for this room.",startRecording:"Start recording",stopRecording:"Stop recording",starting:"Starting\u2026",stopping:"Stopping\u2026",openRecordings:"Recordings",recordingsPanel:"Recordings of this room",chooseSource:"What should be recorded?",sourceCamera:"Camera and microphone",sourceCameraHint:"Record yourself through this device.",sourceScreen:"A tab, window or screen",sourceScreenHint:"Choose what to share in the next step.",uploading:"Uploading: {sent} of {total} parts ({bytes})",finishing:"Saving the recording\u2026",saved:"Recording saved. It will be ready to play in a moment.",savedForAdmins:"Recording saved. In this room only administrators can play it.",nothingRecorded:"The recording was stopped before anything was captured.",uploadPaused:"Upload paused: {count} part(s) are waiting. They are kept on this device.",retryUpload:"Retry upload",uploadFailed:"The upload was refused: {message}",startRefused403:"Recording is not allowed in this room.",startRefused409:"This room is already being recorded.",permissionDenied:"Access to the camera or microphone was denied. Allow it in the browser and try again.",noDevice:"No camera or microphone was found.",captureCancelled:"Nothing was chosen to record.",unsupported:"This browser cannot record (MediaRecorder is not available).",stoppedElsewhere:"The recording was stopped (by the host or the time limit).",recordingFailed:"The recording failed: {message}",leaveWarning:"A recording is still uploading. Leaving now loses it.",preview:"Preview of what is being recorded",roomsTitle:"All rooms",roomsCountOne:"1 room",roomsCountMany:"{count} rooms",roomsCountMore:"{count}+ rooms",roomsLoading:"Loading rooms\u2026",roomsSearch:"Search rooms by name",newRoom:"New room",roomsEmptyTitle:"No rooms yet",roomsEmpty:"Create a room to get its moderator and speaker links.",roomsEmptyFilteredTitle:"No rooms match",roomsEmptyFiltered:"No room's name contains \u201C{search}\u201D.",forbiddenRooms:"Only administrators can manage rooms.",roomStatus_open:"Open",roomStatus_closed:"Closed",roomCreatedOn:"Created {date}",roomId:"Room ID",settingRecording:"Recording",recordingOn:"On",recordingOff:"Off",settingAccess:"Who may access recordings",access_admin:"Only admin",access_admin_moderator:"Admin and moderators",access_admin_moderator_speaker:"Admin, moderators and speakers",access_admin_hint:"Only administrators list, play, download and share them.",access_admin_moderator_hint:"Moderators too (people who joined with the moderator link).",access_admin_moderator_speaker_hint:"Everyone in the room, speakers included.",settingMaxDuration:"Maximum duration",noLimit:"No limit",settingRetention:"Retention",retentionDefault:"Deployment default",retentionDefaultIs:"Default ({value})",retentionForever:"Kept forever",editSettings:"Settings",editSettingsOf:"Edit the recording settings of {name}",moderatorLink:"Moderator link",copyModeratorLinkOf:"Copy the moderator link of {name}",speakerLink:"Speaker link",copySpeakerLinkOf:"Copy the speaker link of {name}",moderatorLinkCopied:"Moderator link of {name} copied",speakerLinkCopied:"Speaker link of {name} copied",copyLinkByHand:"Could not copy. Select the link and copy it by hand:",roomActivity:"Activity",roomActivityOf:"Activity of {name}",deleteRoomOf:"Delete room {name}",createRoomTitle:"New room",editRoomTitle:"Settings of {name}",roomName:"Room name",recordingEnabled:"Recording enabled",recordingEnabledHint:"Moderators may record meetings in this room.",maxDurationHint:"A recording stops by itself after this long. Empty: no limit.",durationUnit:"Unit of the maximum duration",unitSeconds:"seconds",unitMinutes:"minutes",retentionLabel:"Retention in days",retentionHint:"Recordings older than this are deleted automatically. Empty: the deployment's default. 0: keep them forever.",retentionHintDefault:"Recordings older than this are deleted automatically. Empty: the deployment's default ({value}). 0: keep them forever.",save:"Save",saving:"Saving\u2026",createRoom:"Create room",creating:"Creating\u2026",roomCreatedToast:"Room {name} created",roomSaved:"Settings of {name} saved",noChanges:"Nothing was changed",notANumber:"Enter a number.",fixErrors:"Some values were not accepted. Correct them and try again.",invalidRoomName:"Give the room a name of 1 to 200 characters, without line breaks or control characters.",invalidMaxDuration:"Enter a whole number of seconds from 1 to 604,800 (7 days), or minutes up to 10,080, or leave it empty for no limit.",invalidRetention:"Enter a whole number of days from 0 (keep forever) to 36,500, or leave it empty for the default.",invalidAccess:"Choose who may access the recordings.",invalidField:"This value is not accepted.",serverSaid:"The server said: {message}",deleteRoomTitle:"Delete room {name}?",deleteRoomCounting:"Looking for its recordings\u2026",deleteRoomNone:"This room has no recordings: it is simply deleted.",deleteRoomOne:"This room has 1 recording.",deleteRoomMany:"This room has {count} recordings.",deleteRoomMore:"This room has more than {count} recordings.",deletePolicyLegend:"If the room has recordings",policy_fail:"Delete it only if it has none",policy_fail_hint:"When it has recordings, nothing is deleted and you are told so.",policy_close:"Close the room, keep its recordings",policy_close_hint:"The room is kept as closed and takes no new recordings; its recordings stay available to play, download and share.",policy_force:"Delete the room and its recordings",policy_force_hint:"Every recording of the room is deleted for good, even one in progress. This cannot be undone.",deleteRoomConfirm:"Delete room",deleteRoomForceConfirm:"Delete room and recordings",deleteRoomConflict:"{name} still has recordings, so nothing was deleted. Choose to close the room and keep them, or to delete them with it.",roomDeleted:"Room {name} deleted",roomDeletedWithRecordings:"Room {name} and its recordings deleted",roomClosed:"Room {name} closed; its recordings were kept",roomGone:"Room {name} was deleted already.",activityTitle:"Recent activity",activityLoading:"Loading activity\u2026",activityCountOne:"1 entry",activityCountMany:"{count} entries",activityCountMore:"{count}+ entries",activityEmptyTitle:"No activity yet",activityEmpty:"Whatever people and systems do with rooms and recordings is listed here.",activityEmptyFilteredTitle:"Nothing matches",activityEmptyFiltered:"No entry matches these filters.",forbiddenActivity:"Only administrators can see the activity.",filterAction:"Action",allActions:"All actions",filterActor:"Who",allActors:"Anyone",filterRecording:"Recording ID",action_start:"Recording started",action_stop:"Recording stopped",action_play:"Recording played",action_download:"Recording downloaded",action_zip:"ZIP downloaded",action_share_link_created:"Share link created",action_secrets_rotated:"Share links revoked",action_delete:"Recording deleted",action_room_created:"Room created",action_room_config_changed:"Room settings changed",action_room_deleted:"Room deleted",action_token_issued:"Member token issued",action_retention_delete:"Deleted by retention",actor_api_key:"API key",actor_admin:"Administrator",actor_member:"Member",actor_share_secret:"Share link",actor_media_link:"Media link",actor_system:"System",actor_anonymous:"Anonymous",role_moderator:"Moderator",role_speaker:"Speaker",today:"Today",yesterday:"Yesterday",entryRoom:"Room",entryRecording:"Recording",filterByRoom:"Show only the activity of room {name}",filterByRecording:"Show only the activity of recording {id}",entryMore:"Technical details",entryClient:"Client address",entryRequest:"Request ID",entryId:"Entry",detail_policy_fail:"It had no recordings",detail_policy_close:"Closed, its recordings kept",detail_policy_force:"Deleted with its recordings",detail_public:"Public link (anyone with it)",detail_private:"Private link (signed-in users only)",detail_expires:"Expires {date}",detail_bulk:"Part of a bulk delete",detail_recordings:"{count} recordings",detail_role:"Role: {role}",detail_name:"Name: {name}",detail_refreshed:"A renewed token",detail_roomPage:"Through the room link's page",detail_olderThan:"Older than {days}",detail_recorded:"Recorded {date}",detail_layout:"Layout: {value}",detail_encoding:"Encoding: {value}",detail_setting:"{setting}: {value}"};function _t(o){return{...kt,...o??{}}}function Tt(o,r={}){return o.replace(/\{(\w+)\}/g,(e,t)=>t in r?String(r[t]):e)}var ke=globalThis,_e=ke.ShadowRoot&&(ke.ShadyCSS===void 0||ke.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,je=Symbol(),Rt=new WeakMap,me=class{constructor(r,e,t){if(this._$cssResult$=!0,t!==je)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=r,this.t=e}get styleSheet(){let r=this.o,e=this.t;if(_e&&r===void 0){let t=e!==void 0&&e.length===1;t&&(r=Rt.get(e)),r===void 0&&((this.o=r=new CSSStyleSheet).replaceSync(this.cssText),t&&Rt.set(e,r))}return r}toString(){return this.cssText}},At=o=>new me(typeof o=="string"?o:o+"",void 0,je),S=(o,...r)=>{let e=o.length===1?o[0]:r.reduce((t,i,s)=>t+(n=>{if(n._$cssResult$===!0)return n.cssText;if(typeof n=="number")return n;throw Error("Value passed to 'css' function must be a 'css' function result: "+n+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(i)+o[s+1],o[0]);return new me(e,o,je)},St=(o,r)=>{if(_e)o.adoptedStyleSheets=r.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(let e of r){let t=document.createElement("style"),i=ke.litNonce;i!==void 0&&t.setAttribute("nonce",i),t.textContent=e.cssText,o.appendChild(t)}},Ke=_e?o=>o:o=>o instanceof CSSStyleSheet?(r=>{let e="";for(let t of r.cssRules)e+=t.cssText;return At(e)})(o):o;var{is:bi,defineProperty:yi,getOwnPropertyDescriptor:xi,getOwnPropertyNames:$i,getOwnPropertySymbols:wi,getPrototypeOf:ki}=Object,Te=globalThis,Et=Te.trustedTypes,_i=Et?Et.emptyScript:"",Ti=Te.reactiveElementPolyfillSupport,ge=(o,r)=>o,fe={toAttribute(o,r){switch(r){case Boolean:o=o?_i:null;break;case Object:case Array:o=o==null?o:JSON.stringify(o)}return o},fromAttribute(o,r){let e=o;switch(r){case Boolean:e=o!==null;break;case Number:e=o===null?null:Number(o);break;case Object:case Array:try{e=JSON.parse(o)}catch{e=null}}return e}},Re=(o,r)=>!bi(o,r),It={attribute:!0,type:String,converter:fe,reflect:!1,useDefault:!1,hasChanged:Re};Symbol.metadata??=Symbol("metadata"),Te.litPropertyMetadata??=new WeakMap;var B=class extends HTMLElement{static addInitializer(r){this._$Ei(),(this.l??=[]).push(r)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(r,e=It){if(e.state&&(e.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(r)&&((e=Object.create(e)).wrapped=!0),this.elementProperties.set(r,e),!e.noAccessor){let t=Symbol(),i=this.getPropertyDescriptor(r,t,e);i!==void 0&&yi(this.prototype,r,i)}}static getPropertyDescriptor(r,e,t){let{get:i,set:s}=xi(this.prototype,r)??{get(){return this[e]},set(n){this[e]=n}};return{get:i,set(n){let a=i?.call(this);s?.call(this,n),this.requestUpdate(r,a,t)},configurable:!0,enumerable:!0}}static getPropertyOptions(r){return this.elementProperties.get(r)??It}static _$Ei(){if(this.hasOwnProperty(ge("elementProperties")))return;let r=ki(this);r.finalize(),r.l!==void 0&&(this.l=[...r.l]),this.elementProperties=new Map(r.elementProperties)}static finalize(){if(this.hasOwnProperty(ge("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(ge("properties"))){let e=this.properties,t=[...$i(e),...wi(e)];for(let i of t)this.createProperty(i,e[i])}let r=this[Symbol.metadata];if(r!==null){let e=litPropertyMetadata.get(r);if(e!==void 0)for(let[t,i]of e)this.elementProperties.set(t,i)}this._$Eh=new Map;for(let[e,t]of this.elementProperties){let i=this._$Eu(e,t);i!==void 0&&this._$Eh.set(i,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(r){let e=[];if(Array.isArray(r)){let t=new Set(r.flat(1/0).reverse());for(let i of t)e.unshift(Ke(i))}else r!==void 0&&e.push(Ke(r));return e}static _$Eu(r,e){let t=e.attribute;return t===!1?void 0:typeof t=="string"?t:typeof r=="string"?r.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(r=>this.enableUpdating=r),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(r=>r(this))}addController(r){(this._$EO??=new Set).add(r),this.renderRoot!==void 0&&this.isConnected&&r.hostConnected?.()}removeController(r){this._$EO?.delete(r)}_$E_(){let r=new Map,e=this.constructor.elementProperties;for(let t of e.keys())this.hasOwnProperty(t)&&(r.set(t,this[t]),delete this[t]);r.size>0&&(this._$Ep=r)}createRenderRoot(){let r=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return St(r,this.constructor.elementStyles),r}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(r=>r.hostConnected?.())}enableUpdating(r){}disconnectedCallback(){this._$EO?.forEach(r=>r.hostDisconnected?.())}attributeChangedCallback(r,e,t){this._$AK(r,t)}_$ET(r,e){let t=this.constructor.elementProperties.get(r),i=this.constructor._$Eu(r,t);if(i!==void 0&&t.reflect===!0){let s=(t.converter?.toAttribute!==void 0?t.converter:fe).toAttribute(e,t.type);this._$Em=r,s==null?this.removeAttribute(i):this.setAttribute(i,s),this._$Em=null}}_$AK(r,e){let t=this.constructor,i=t._$Eh.get(r);if(i!==void 0&&this._$Em!==i){let s=t.getPropertyOptions(i),n=typeof s.converter=="function"?{fromAttribute:s.converter}:s.converter?.fromAttribute!==void 0?s.converter:fe;this._$Em=i;let a=n.fromAttribute(e,s.type);this[i]=a??this._$Ej?.get(i)??a,this._$Em=null}}requestUpdate(r,e,t,i=!1,s){if(r!==void 0){let n=this.constructor;if(i===!1&&(s=this[r]),t??=n.getPropertyOptions(r),!((t.hasChanged??Re)(s,e)||t.useDefault&&t.reflect&&s===this._$Ej?.get(r)&&!this.hasAttribute(n._$Eu(r,t))))return;this.C(r,e,t)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(r,e,{useDefault:t,reflect:i,wrapped:s},n){t&&!(this._$Ej??=new Map).has(r)&&(this._$Ej.set(r,n??e??this[r]),s!==!0||n!==void 0)||(this._$AL.has(r)||(this.hasUpdated||t||(e=void 0),this._$AL.set(r,e)),i===!0&&this._$Em!==r&&(this._$Eq??=new Set).add(r))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}let r=this.scheduleUpdate();return r!=null&&await r,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[i,s]of this._$Ep)this[i]=s;this._$Ep=void 0}let t=this.constructor.elementProperties;if(t.size>0)for(let[i,s]of t){let{wrapped:n}=s,a=this[i];n!==!0||this._$AL.has(i)||a===void 0||this.C(i,void 0,s,a)}}let r=!1,e=this._$AL;try{r=this.shouldUpdate(e),r?(this.willUpdate(e),this._$EO?.forEach(t=>t.hostUpdate?.()),this.update(e)):this._$EM()}catch(t){throw r=!1,this._$EM(),t}r&&this._$AE(e)}willUpdate(r){}_$AE(r){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(r)),this.updated(r)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(r){return!0}update(r){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(r){}firstUpdated(r){}};B.elementStyles=[],B.shadowRootOptions={mode:"open"},B[ge("elementProperties")]=new Map,B[ge("finalized")]=new Map,Ti?.({ReactiveElement:B}),(Te.reactiveElementVersions??=[]).push("2.1.2");var Ye=globalThis,Ct=o=>o,Ae=Ye.trustedTypes,Pt=Ae?Ae.createPolicy("lit-html",{createHTML:o=>o}):void 0,Ge="$lit$",q=`lit$${Math.random().toFixed(9).slice(2)}$`,Qe="?"+q,Ri=`<${Qe}>`,Z=document,be=()=>Z.createComment(""),ye=o=>o===null||typeof o!="object"&&typeof o!="function",Ze=Array.isArray,Ft=o=>Ze(o)||typeof o?.[Symbol.iterator]=="function",We=`[ 	
\f\r]`,ve=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Lt=/-->/g,Dt=/>/g,G=RegExp(`>|${We}(?:([^\\s"'>=/]+)(${We}*=${We}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Mt=/'/g,Nt=/"/g,Ot=/^(?:script|style|textarea|title)$/i,Je=o=>(r,...e)=>({_$litType$:o,strings:r,values:e}),l=Je(1),Ht=Je(2),lr=Je(3),L=Symbol.for("lit-noChange"),p=Symbol.for("lit-nothing"),zt=new WeakMap,Q=Z.createTreeWalker(Z,129);function Ut(o,r){if(!Ze(o)||!o.hasOwnProperty("raw"))throw Error("invalid template strings array");return Pt!==void 0?Pt.createHTML(r):r}var Bt=(o,r)=>{let e=o.length-1,t=[],i,s=r===2?"<svg>":r===3?"<math>":"",n=ve;for(let a=0;a<e;a++){let c=o[a],h,m,u=-1,f=0;for(;f<c.length&&(n.lastIndex=f,m=n.exec(c),m!==null);)f=n.lastIndex,n===ve?m[1]==="!--"?n=Lt:m[1]!==void 0?n=Dt:m[2]!==void 0?(Ot.test(m[2])&&(i=RegExp("</"+m[2],"g")),n=G):m[3]!==void 0&&(n=G):n===G?m[0]===">"?(n=i??ve,u=-1):m[1]===void 0?u=-2:(u=n.lastIndex-m[2].length,h=m[1],n=m[3]===void 0?G:m[3]==='"'?Nt:Mt):n===Nt||n===Mt?n=G:n===Lt||n===Dt?n=ve:(n=G,i=void 0);let b=n===G&&o[a+1].startsWith("/>")?" ":"";s+=n===ve?c+Ri:u>=0?(t.push(h),c.slice(0,u)+Ge+c.slice(u)+q+b):c+q+(u===-2?a:b)}return[Ut(o,s+(o[e]||"<?>")+(r===2?"</svg>":r===3?"</math>":"")),t]},xe=class o{constructor({strings:r,_$litType$:e},t){let i;this.parts=[];let s=0,n=0,a=r.length-1,c=this.parts,[h,m]=Bt(r,e);if(this.el=o.createElement(h,t),Q.currentNode=this.el.content,e===2||e===3){let u=this.el.content.firstChild;u.replaceWith(...u.childNodes)}for(;(i=Q.nextNode())!==null&&c.length<a;){if(i.nodeType===1){if(i.hasAttributes())for(let u of i.getAttributeNames())if(u.endsWith(Ge)){let f=m[n++],b=i.getAttribute(u).split(q),$=/([.?@])?(.*)/.exec(f);c.push({type:1,index:s,name:$[2],strings:b,ctor:$[1]==="."?Ee:$[1]==="?"?Ie:$[1]==="@"?Ce:X}),i.removeAttribute(u)}else u.startsWith(q)&&(c.push({type:6,index:s}),i.removeAttribute(u));if(Ot.test(i.tagName)){let u=i.textContent.split(q),f=u.length-1;if(f>0){i.textContent=Ae?Ae.emptyScript:"";for(let b=0;b<f;b++)i.append(u[b],be()),Q.nextNode(),c.push({type:2,index:++s});i.append(u[f],be())}}}else if(i.nodeType===8)if(i.data===Qe)c.push({type:2,index:s});else{let u=-1;for(;(u=i.data.indexOf(q,u+1))!==-1;)c.push({type:7,index:s}),u+=q.length-1}s++}}static createElement(r,e){let t=Z.createElement("template");return t.innerHTML=r,t}};function J(o,r,e=o,t){if(r===L)return r;let i=t!==void 0?e._$Co?.[t]:e._$Cl,s=ye(r)?void 0:r._$litDirective$;return i?.constructor!==s&&(i?._$AO?.(!1),s===void 0?i=void 0:(i=new s(o),i._$AT(o,e,t)),t!==void 0?(e._$Co??=[])[t]=i:e._$Cl=i),i!==void 0&&(r=J(o,i._$AS(o,r.values),i,t)),r}var Se=class{constructor(r,e){this._$AV=[],this._$AN=void 0,this._$AD=r,this._$AM=e}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(r){let{el:{content:e},parts:t}=this._$AD,i=(r?.creationScope??Z).importNode(e,!0);Q.currentNode=i;let s=Q.nextNode(),n=0,a=0,c=t[0];for(;c!==void 0;){if(n===c.index){let h;c.type===2?h=new ne(s,s.nextSibling,this,r):c.type===1?h=new c.ctor(s,c.name,c.strings,this,r):c.type===6&&(h=new Pe(s,this,r)),this._$AV.push(h),c=t[++a]}n!==c?.index&&(s=Q.nextNode(),n++)}return Q.currentNode=Z,i}p(r){let e=0;for(let t of this._$AV)t!==void 0&&(t.strings!==void 0?(t._$AI(r,t,e),e+=t.strings.length-2):t._$AI(r[e])),e++}},ne=class o{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(r,e,t,i){this.type=2,this._$AH=p,this._$AN=void 0,this._$AA=r,this._$AB=e,this._$AM=t,this.options=i,this._$Cv=i?.isConnected??!0}get parentNode(){let r=this._$AA.parentNode,e=this._$AM;return e!==void 0&&r?.nodeType===11&&(r=e.parentNode),r}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(r,e=this){r=J(this,r,e),ye(r)?r===p||r==null||r===""?(this._$AH!==p&&this._$AR(),this._$AH=p):r!==this._$AH&&r!==L&&this._(r):r._$litType$!==void 0?this.$(r):r.nodeType!==void 0?this.T(r):Ft(r)?this.k(r):this._(r)}O(r){return this._$AA.parentNode.insertBefore(r,this._$AB)}T(r){this._$AH!==r&&(this._$AR(),this._$AH=this.O(r))}_(r){this._$AH!==p&&ye(this._$AH)?this._$AA.nextSibling.data=r:this.T(Z.createTextNode(r)),this._$AH=r}$(r){let{values:e,_$litType$:t}=r,i=typeof t=="number"?this._$AC(r):(t.el===void 0&&(t.el=xe.createElement(Ut(t.h,t.h[0]),this.options)),t);if(this._$AH?._$AD===i)this._$AH.p(e);else{let s=new Se(i,this),n=s.u(this.options);s.p(e),this.T(n),this._$AH=s}}_$AC(r){let e=zt.get(r.strings);return e===void 0&&zt.set(r.strings,e=new xe(r)),e}k(r){Ze(this._$AH)||(this._$AH=[],this._$AR());let e=this._$AH,t,i=0;for(let s of r)i===e.length?e.push(t=new o(this.O(be()),this.O(be()),this,this.options)):t=e[i],t._$AI(s),i++;i<e.length&&(this._$AR(t&&t._$AB.nextSibling,i),e.length=i)}_$AR(r=this._$AA.nextSibling,e){for(this._$AP?.(!1,!0,e);r!==this._$AB;){let t=Ct(r).nextSibling;Ct(r).remove(),r=t}}setConnected(r){this._$AM===void 0&&(this._$Cv=r,this._$AP?.(r))}},X=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(r,e,t,i,s){this.type=1,this._$AH=p,this._$AN=void 0,this.element=r,this.name=e,this._$AM=i,this.options=s,t.length>2||t[0]!==""||t[1]!==""?(this._$AH=Array(t.length-1).fill(new String),this.strings=t):this._$AH=p}_$AI(r,e=this,t,i){let s=this.strings,n=!1;if(s===void 0)r=J(this,r,e,0),n=!ye(r)||r!==this._$AH&&r!==L,n&&(this._$AH=r);else{let a=r,c,h;for(r=s[0],c=0;c<s.length-1;c++)h=J(this,a[t+c],e,c),h===L&&(h=this._$AH[c]),n||=!ye(h)||h!==this._$AH[c],h===p?r=p:r!==p&&(r+=(h??"")+s[c+1]),this._$AH[c]=h}n&&!i&&this.j(r)}j(r){r===p?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,r??"")}},Ee=class extends X{constructor(){super(...arguments),this.type=3}j(r){this.element[this.name]=r===p?void 0:r}},Ie=class extends X{constructor(){super(...arguments),this.type=4}j(r){this.element.toggleAttribute(this.name,!!r&&r!==p)}},Ce=class extends X{constructor(r,e,t,i,s){super(r,e,t,i,s),this.type=5}_$AI(r,e=this){if((r=J(this,r,e,0)??p)===L)return;let t=this._$AH,i=r===p&&t!==p||r.capture!==t.capture||r.once!==t.once||r.passive!==t.passive,s=r!==p&&(t===p||i);i&&this.element.removeEventListener(this.name,this,t),s&&this.element.addEventListener(this.name,this,r),this._$AH=r}handleEvent(r){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,r):this._$AH.handleEvent(r)}},Pe=class{constructor(r,e,t){this.element=r,this.type=6,this._$AN=void 0,this._$AM=e,this.options=t}get _$AU(){return this._$AM._$AU}_$AI(r){J(this,r)}},qt={M:Ge,P:q,A:Qe,C:1,L:Bt,R:Se,D:Ft,V:J,I:ne,H:X,N:Ie,U:Ce,B:Ee,F:Pe},Ai=Ye.litHtmlPolyfillSupport;Ai?.(xe,ne),(Ye.litHtmlVersions??=[]).push("3.3.3");var Vt=(o,r,e)=>{let t=e?.renderBefore??r,i=t._$litPart$;if(i===void 0){let s=e?.renderBefore??null;t._$litPart$=i=new ne(r.insertBefore(be(),s),s,void 0,e??{})}return i._$AI(o),i};var Xe=globalThis,H=class extends B{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let r=super.createRenderRoot();return this.renderOptions.renderBefore??=r.firstChild,r}update(r){let e=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(r),this._$Do=Vt(e,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return L}};H._$litElement$=!0,H.finalized=!0,Xe.litElementHydrateSupport?.({LitElement:H});var Si=Xe.litElementPolyfillSupport;Si?.({LitElement:H});(Xe.litElementVersions??=[]).push("4.2.2");var D=o=>(r,e)=>{e!==void 0?e.addInitializer(()=>{customElements.define(o,r)}):customElements.define(o,r)};var Ei={attribute:!0,type:String,converter:fe,reflect:!1,hasChanged:Re},Ii=(o=Ei,r,e)=>{let{kind:t,metadata:i}=e,s=globalThis.litPropertyMetadata.get(i);if(s===void 0&&globalThis.litPropertyMetadata.set(i,s=new Map),t==="setter"&&((o=Object.create(o)).wrapped=!0),s.set(e.name,o),t==="accessor"){let{name:n}=e;return{set(a){let c=r.get.call(this);r.set.call(this,a),this.requestUpdate(n,c,o,!0,a)},init(a){return a!==void 0&&this.C(n,void 0,o,a),a}}}if(t==="setter"){let{name:n}=e;return function(a){let c=this[n];r.call(this,a),this.requestUpdate(n,c,o,!0,a)}}throw Error("Unsupported decorator location: "+t)};function y(o){return(r,e)=>typeof e=="object"?Ii(o,r,e):((t,i,s)=>{let n=i.hasOwnProperty(s);return i.constructor.createProperty(s,t),n?Object.getOwnPropertyDescriptor(i,s):void 0})(o,r,e)}function v(o){return y({...o,state:!0,attribute:!1})}var ee=(o,r,e)=>(e.configurable=!0,e.enumerable=!0,Reflect.decorate&&typeof r!="object"&&Object.defineProperty(o,r,e),e);function T(o,r){return(e,t,i)=>{let s=n=>n.renderRoot?.querySelector(o)??null;if(r){let{get:n,set:a}=typeof t=="object"?e:i??(()=>{let c=Symbol();return{get(){return this[c]},set(h){this[c]=h}}})();return ee(e,t,{get(){let c=n.call(this);return c===void 0&&(c=s(this),(c!==null||this.hasUpdated)&&a.call(this,c)),c}})}return ee(e,t,{get(){return s(this)}})}}var ae=new Map;function et(o,r){let e=`d|${o}|${JSON.stringify(r)}`,t=ae.get(e);return t||(t=new Intl.DateTimeFormat(o,r),ae.set(e,t)),t}function P(o,r){return o?et(r,{dateStyle:"medium",timeStyle:"short"}).format(new Date(o)):"\u2014"}function jt(o,r){return o?et(r,{weekday:"short",day:"numeric",month:"short",year:"numeric"}).format(new Date(o)):"\u2014"}function Kt(o,r){return o?et(r,{hour:"numeric",minute:"2-digit"}).format(new Date(o)):""}function te(o){if(o===void 0||!Number.isFinite(o)||o<0)return"\u2014";let r=Math.floor(o),e=Math.floor(r/3600),t=Math.floor(r%3600/60),i=r%60,s=String(i).padStart(2,"0");return e?`${e}:${String(t).padStart(2,"0")}:${s}`:`${t}:${s}`}function K(o,r){if(o===void 0||!Number.isFinite(o))return"\u2014";let e=["byte","kilobyte","megabyte","gigabyte","terabyte"],t=o,i=0;for(;t>=1e3&&i<e.length-1;)t/=1e3,i+=1;let s=`n|${r}|${i}|${t<10&&i>0?1:0}`,n=ae.get(s);return n||(n=new Intl.NumberFormat(r,{style:"unit",unit:e[i],unitDisplay:"short",maximumFractionDigits:t<10&&i>0?1:0}),ae.set(s,n)),n.format(t)}function Wt(o){let r=o;for(;r;){if(r instanceof Element&&r.getAttribute("lang"))return r.getAttribute("lang")||void 0;r=r.parentNode??(r instanceof ShadowRoot?r.host:null)}return navigator.language||void 0}function $e(o,r,e){let t=`u|${o}|${r}|${e}`,i=ae.get(t);return i||(i=new Intl.NumberFormat(o,{style:"unit",unit:r,unitDisplay:e,maximumFractionDigits:0}),ae.set(t,i)),i}function Le(o,r){let e=Math.max(0,Math.round(o)),t=[],i=Math.floor(e/86400),s=Math.floor(e%86400/3600),n=Math.floor(e%3600/60),a=e%60;return i&&t.push($e(r,"day","short").format(i)),s&&t.push($e(r,"hour","short").format(s)),n&&t.push($e(r,"minute","short").format(n)),(a||!t.length)&&t.push($e(r,"second","short").format(a)),t.join(" ")}function ie(o,r){return $e(r,"day","long").format(o)}function De(o){let r=new Date(o);return`${r.getFullYear()}-${r.getMonth()}-${r.getDate()}`}var re=class re extends H{constructor(){super(...arguments);this.baseUrl="";this.token="";this.theme="auto";this.labels={};this._api=null;this._apiKey="";this.renewTimerFor=""}get api(){let e=`${this.baseUrl}
${this.token}`;return(!this._api||e!==this._apiKey)&&(this._api=new ue(this.baseUrl,this.token,t=>this.renewAfterRefusal(t)),this._apiKey=e),this._api}connectedCallback(){super.connectedCallback(),this.scheduleRenewal()}disconnectedCallback(){super.disconnectedCallback(),clearTimeout(this.renewTimer),this.renewTimerFor=""}update(e){super.update(e),(e.has("token")||e.has("baseUrl"))&&this.scheduleRenewal()}get tokenRoomId(){return""}tokenRenewed(e){return e.has("token")&&pt(e.get("token"),this.token)}get nested(){let e=this.getRootNode();return e instanceof ShadowRoot&&e.host instanceof re}scheduleRenewal(){if(this.renewTimerFor===this.token&&this.renewTimer!==void 0||(clearTimeout(this.renewTimer),this.renewTimer=void 0,this.renewTimerFor="",!this.token||!this.isConnected))return;let e=ht(this.token);if(!e)return;this.renewTimerFor=this.token;let t=Math.min(2**31-1,Math.max(0,e-Date.now()));this.renewTimer=setTimeout(()=>{this.renewTimer=void 0,this.renewTimerFor="",this.renew(this.token)},t)}async renew(e){if(!e)return null;let t=await gt(this.api.apiBase,e,this.tokenRoomId);return t?(this.token===e&&t.token!==e&&(this.token=t.token,this.nested||this.emit("meet-token-refreshed",{token:t.token,expiresAt:t.expiresAt})),t):(ft(e)&&this.token===e&&this.isConnected&&(clearTimeout(this.renewTimer),this.renewTimerFor=e,this.renewTimer=setTimeout(()=>{this.renewTimer=void 0,this.renewTimerFor="",this.renew(this.token)},vt)),null)}async renewAfterRefusal(e){return mt(e)?(await this.renew(e))?.token??null:null}get t(){return _t(this.labels)}get locale(){return Wt(this)}fill(e,t={}){return Tt(e,t)}emit(e,t){return this.dispatchEvent(new CustomEvent(e,{detail:t,bubbles:!0,composed:!0,cancelable:!0}))}report(e,t,i){let s=this.describe(e,i),n=e instanceof w?e.status:0;return this.emit("meet-error",{action:t,status:n,error:e instanceof w?e.error:e?.name||"Error",message:s,serverMessage:e instanceof Error?e.message:String(e)}),s}describe(e,t){let i=this.t;return e instanceof w?e.status===0?i.errorNetwork:e.status===401?i.errorUnauthorized:e.status===403?t||i.errorForbidden:e.status===404?i.errorNotFound:e.status>=500?this.fill(i.errorServer,{status:e.status}):e.message:e?.message||i.errorTitle}};d([y({attribute:"base-url",reflect:!0})],re.prototype,"baseUrl",2),d([y({reflect:!0})],re.prototype,"token",2),d([y({reflect:!0})],re.prototype,"theme",2),d([y({converter:{fromAttribute:Ci}})],re.prototype,"labels",2);var M=re;function Ci(o){if(!o)return{};try{let r=JSON.parse(o);if(r&&typeof r=="object"&&!Array.isArray(r))return Object.fromEntries(Object.entries(r).filter(([,e])=>typeof e=="string"))}catch{}return console.warn("meet-embed: the labels attribute is not a JSON object of texts; it is ignored"),{}}function tt(){let o=document.activeElement;for(;o?.shadowRoot?.activeElement;)o=o.shadowRoot.activeElement;return o}async function le(o){try{return await navigator.clipboard.writeText(o),!0}catch{let r=document.createElement("textarea");r.value=o,r.setAttribute("readonly",""),r.style.position="fixed",r.style.opacity="0",document.body.append(r),r.select();let e=!1;try{e=document.execCommand("copy")}catch{e=!1}return r.remove(),e}}var Pi={play:"M8 5.14v13.72a1 1 0 0 0 1.52.85l10.96-6.86a1 1 0 0 0 0-1.7L9.52 4.29A1 1 0 0 0 8 5.14z",download:"M5 20h14v-2H5v2zm14-11h-4V3H9v6H5l7 7 7-7z",share:"M18 16.08c-.76 0-1.44.3-1.96.77L8.91 12.7c.05-.23.09-.46.09-.7s-.04-.47-.09-.7l7.05-4.11A2.99 2.99 0 0 0 21 5a3 3 0 1 0-5.91.7L8.04 9.81A2.99 2.99 0 0 0 3 12a2.99 2.99 0 0 0 5.04 2.19l7.12 4.16c-.05.21-.08.43-.08.65A2.92 2.92 0 1 0 18 16.08z",delete:"M6 19c0 1.1.9 2 2 2h8c1.1 0 2-.9 2-2V7H6v12zM19 4h-3.5l-1-1h-5l-1 1H5v2h14V4z",close:"M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z",refresh:"M17.65 6.35A7.96 7.96 0 0 0 12 4a8 8 0 1 0 7.73 10h-2.08A6 6 0 1 1 12 6c1.66 0 3.14.69 4.22 1.78L13 11h7V4l-2.35 2.35z",search:"M15.5 14h-.79l-.28-.27A6.47 6.47 0 0 0 16 9.5 6.5 6.5 0 1 0 9.5 16c1.61 0 3.09-.59 4.23-1.57l.27.28v.79l5 4.99L20.49 19l-4.99-5zm-6 0C7.01 14 5 11.99 5 9.5S7.01 5 9.5 5 14 7.01 14 9.5 11.99 14 9.5 14z",copy:"M16 1H4a2 2 0 0 0-2 2v14h2V3h12V1zm3 4H8a2 2 0 0 0-2 2v14c0 1.1.9 2 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2zm0 16H8V7h11v14z",check:"M9 16.17 4.83 12l-1.42 1.41L9 19 21 7l-1.41-1.41z",camera:"M17 10.5V7a1 1 0 0 0-1-1H4a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-3.5l4 4v-11l-4 4z",screen:"M21 3H3a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h18a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2zm0 16.02H3V4.98h18v14.04zM10 12H8l4-4 4 4h-2v4h-4v-4z",stop:"M7 7h10v10H7z",record:"M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10z",warning:"M1 21h22L12 2 1 21zm12-3h-2v-2h2v2zm0-4h-2v-4h2v4z",error:"M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-2h2v2zm0-4h-2V7h2v6z",info:"M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-6h2v6zm0-8h-2V7h2v2z",lock:"M18 8h-1V6A5 5 0 0 0 7 6v2H6a2 2 0 0 0-2 2v10c0 1.1.9 2 2 2h12a2 2 0 0 0 2-2V10a2 2 0 0 0-2-2zm-6 9a2 2 0 1 1 0-4 2 2 0 0 1 0 4zm3.1-9H8.9V6a3.1 3.1 0 0 1 6.2 0v2z",public:"M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm-1 17.93A8 8 0 0 1 4 12c0-.62.08-1.21.21-1.79L9 15v1a2 2 0 0 0 2 2v1.93zm6.9-2.54A2 2 0 0 0 16 16h-1v-3a1 1 0 0 0-1-1H8v-2h2a1 1 0 0 0 1-1V7h2a2 2 0 0 0 2-2v-.41A8 8 0 0 1 20 12c0 2.08-.8 3.97-2.1 5.39z",library:"M4 6H2v14a2 2 0 0 0 2 2h14v-2H4V6zm16-4H8a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2zm-8 12.5v-9l6 4.5-6 4.5z",zip:"M20 6h-8l-2-2H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2zm-2 6h-2v2h2v2h-2v2h-2v-2h2v-2h-2v-2h2v-2h-2V8h2v2h2v2z",clock:"M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16zm.5-13H11v6l5.25 3.15.75-1.23-4.5-2.67V7z",calendar:"M19 4h-1V2h-2v2H8V2H6v2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2zm0 16H5V10h14v10zM7 12h5v5H7z",storage:"M2 20h20v-4H2v4zm2-3h2v2H4v-2zM2 4v4h20V4H2zm4 3H4V5h2v2zm-4 7h20v-4H2v4zm2-3h2v2H4v-2z",room:"M16 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm-8 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm0 2c-2.33 0-7 1.17-7 3.5V19h14v-2.5C15 14.17 10.33 13 8 13zm8 0c-.29 0-.62.02-.97.05A4.22 4.22 0 0 1 17 16.5V19h6v-2.5c0-2.33-4.67-3.5-7-3.5z",videoOff:"M21 6.5l-4 4V7a1 1 0 0 0-1-1H9.82L21 17.18V6.5zM3.27 2 2 3.27 4.73 6H4a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h12c.21 0 .39-.08.54-.18L19.73 21 21 19.73 3.27 2z",filter:"M10 18h4v-2h-4v2zM3 6v2h18V6H3zm3 7h12v-2H6v2z",upload:"M5 20h14v-2H5v2zm0-10h4v6h6v-6h4l-7-7-7 7z",link:"M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7a5 5 0 0 0 0 10h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1zM8 13h8v-2H8v2zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4a5 5 0 0 0 0-10z",edit:"M3 17.25V21h3.75L17.81 9.94l-3.75-3.75L3 17.25zM20.71 7.04a1 1 0 0 0 0-1.41l-2.34-2.34a1 1 0 0 0-1.41 0l-1.83 1.83 3.75 3.75 1.83-1.83z",add:"M19 13h-6v6h-2v-6H5v-2h6V5h2v6h6v2z",history:"M13 3a9 9 0 0 0-9 9H1l3.89 3.89.07.14L9 12H6a7 7 0 1 1 2.05 4.95l-1.42 1.42A8.95 8.95 0 0 0 13 21a9 9 0 0 0 0-18zm-1 5v5l4.28 2.54.72-1.21-3.5-2.08V8H12z",tune:"M3 17v2h6v-2H3zM3 5v2h10V5H3zm10 16v-2h8v-2h-8v-2h-2v6h2zM7 9v2H3v2h4v2h2V9H7zm14 4v-2H11v2h10zm-6-4h2V7h4V5h-4V3h-2v6z",key:"M12.65 10A6 6 0 0 0 7 6a6 6 0 1 0 0 12 6 6 0 0 0 5.65-4H17v4h4v-4h2v-4H12.65zM7 14a2 2 0 1 1 0-4 2 2 0 0 1 0 4z",person:"M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm0 2c-2.67 0-8 1.34-8 4v2h16v-2c0-2.66-5.33-4-8-4z",robot:"M20 9V7a2 2 0 0 0-2-2h-3a3 3 0 0 0-6 0H6a2 2 0 0 0-2 2v2a3 3 0 0 0 0 6v4a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-4a3 3 0 0 0 0-6zM7.5 11.5a1.5 1.5 0 1 1 3 0 1.5 1.5 0 0 1-3 0zM16 17H8v-2h8v2zm-1.5-4a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3z",shield:"M12 1 3 5v6c0 5.55 3.84 10.74 9 12 5.16-1.26 9-6.45 9-12V5l-9-4z"};function g(o,r="icon"){return Ht`<svg class=${r} viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${Pi[o]}></path></svg>`}var N=S`
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
`,z=S`
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
  input[type="number"],
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
`,Me=S`
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
  .more {
    display: flex;
    justify-content: center;
    padding: 6px 0 2px;
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
  .mono {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
    font-size: 0.9em;
  }
  @container (max-width: 760px) {
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
    .search input,
    .tools select,
    .tools input {
      width: 100%;
    }
  }
`,Yt=S`
  form {
    display: grid;
    gap: 18px;
  }
  .field {
    display: grid;
    gap: 6px;
    align-content: start;
  }
  .field > label,
  fieldset > legend,
  .label {
    font-weight: 650;
  }
  .field input[type="text"],
  .field input[type="number"] {
    width: 100%;
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.87em;
  }
  .inline {
    display: flex;
    gap: 8px;
  }
  .inline input {
    flex: 1;
    min-width: 0;
  }
  .inline select {
    flex: none;
    width: auto;
  }
  .field-error {
    margin: 0;
    display: flex;
    gap: 6px;
    align-items: flex-start;
    color: var(--_danger);
    font-size: 0.9em;
    font-weight: 600;
  }
  .field-error svg.icon {
    width: 18px;
    height: 18px;
    margin-top: 1px;
  }
  .field-error .server {
    display: block;
    font-weight: 400;
    color: var(--_muted);
  }
  [aria-invalid="true"] {
    border-color: var(--_danger) !important;
    box-shadow: 0 0 0 1px var(--_danger);
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 8px;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 8px;
  }
  label.choice {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: start;
    gap: 2px 12px;
    padding: 11px 14px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-sm);
    cursor: pointer;
  }
  label.choice:has(input:checked) {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
  }
  label.choice.danger:has(input:checked) {
    border-color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 8%, var(--_surface));
  }
  label.choice:has(input:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  label.choice input {
    margin: 2px 0 0;
    accent-color: var(--_accent);
    width: 18px;
    height: 18px;
  }
  label.choice .text {
    display: grid;
    gap: 2px;
  }
  label.choice .text strong {
    font-weight: 650;
  }
  label.choice .text small {
    color: var(--_muted);
    font-size: 0.87em;
  }
  label.check {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 2px 12px;
    align-items: start;
    cursor: pointer;
    font-weight: 400;
  }
  label.check strong {
    font-weight: 650;
  }
  label.check input {
    margin-top: 2px;
  }
  label.check .text {
    display: grid;
    gap: 2px;
  }
  label.check small {
    color: var(--_muted);
    font-size: 0.87em;
  }
  .two {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 18px;
  }
  @media (max-width: 600px) {
    .two {
      grid-template-columns: 1fr;
    }
  }
`;var Li='button:not([disabled]), [href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), video[controls], [tabindex]:not([tabindex="-1"])';function de(o,r=[]){let e=o instanceof HTMLSlotElement?o.assignedElements({flatten:!0}):Array.from(o.children);for(let t of e){if(!(t instanceof HTMLElement)||t.hidden||t.inert)continue;let i=t instanceof HTMLInputElement&&t.type==="radio"&&!t.checked;t.matches(Li)&&!i&&r.push(t),t.shadowRoot?de(t.shadowRoot,r):de(t,r)}return r}var F=class extends H{constructor(){super(...arguments);this.heading="";this.closeLabel="Close";this.size="sm";this.open=!1;this.theme="auto";this.keepOpen=!1;this.alert=!1;this.returnFocus=null;this.hasFooter=!1}updated(e){e.has("open")&&(this.open&&!this.dialog.open?this.showNow():!this.open&&this.dialog.open&&this.dialog.close())}show(){this.open=!0}close(){this.open=!1}showNow(){this.returnFocus=tt(),this.dialog.showModal(),requestAnimationFrame(()=>this.focusInitial())}focusInitial(){let e=this.renderRoot.querySelector("slot:not([name])"),t=this.renderRoot.querySelector('slot[name="footer"]'),i=[...e?de(e):[],...t?de(t):[]];(i.find(a=>a.hasAttribute("autofocus")||a.dataset.autofocus!==void 0)??this.findAutofocusDeep()??i[0]??this.closeButton)?.focus()}findAutofocusDeep(){let e=this.renderRoot.querySelector("slot:not([name])");if(!e)return null;for(let t of e.assignedElements({flatten:!0})){let i=(t.shadowRoot??t).querySelector("[autofocus], [data-autofocus]");if(i)return i}return null}get closeButton(){return this.renderRoot.querySelector("header button")}onClose(){this.open=!1;let e=this.returnFocus;this.returnFocus=null,this.dispatchEvent(new CustomEvent("meet-dialog-close",{bubbles:!1,composed:!1})),e?.isConnected&&e.focus()}onKeydown(e){if(e.key!=="Tab"||e.defaultPrevented)return;let t=Array.from(this.renderRoot.querySelectorAll("slot")),i=this.closeButton,s=t.filter(f=>f.name==="header-actions"),n=t.filter(f=>f.name!=="header-actions"),a=[...s.flatMap(f=>de(f)),...i?[i]:[],...n.flatMap(f=>de(f))];if(!a.length)return;let c=tt(),h=a[0],m=a[a.length-1],u=f=>!!c&&(c===f||f.shadowRoot?.contains(c)===!0);e.shiftKey&&u(h)?(e.preventDefault(),m.focus()):!e.shiftKey&&u(m)&&(e.preventDefault(),h.focus())}onCancel(e){e.preventDefault(),this.dialog.close()}onClick(e){if(this.keepOpen||e.target!==this.dialog)return;let t=this.dialog.getBoundingClientRect();e.clientX>=t.left&&e.clientX<=t.right&&e.clientY>=t.top&&e.clientY<=t.bottom||this.dialog.close()}onFooterSlot(e){let t=e.target;this.hasFooter=t.assignedElements().length>0,this.renderRoot.querySelector("footer")?.classList.toggle("empty",!this.hasFooter)}render(){return l`
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
            ${g("close")}
          </button>
        </header>
        <div class="body" id="body" part="dialog-body"><slot></slot></div>
        <footer part="dialog-footer" class="empty"><slot name="footer" @slotchange=${this.onFooterSlot}></slot></footer>
      </dialog>
      ${p}
    `}};F.styles=[N,z,S`
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
    `],d([y()],F.prototype,"heading",2),d([y({attribute:"close-label"})],F.prototype,"closeLabel",2),d([y({reflect:!0})],F.prototype,"size",2),d([y({type:Boolean,reflect:!0})],F.prototype,"open",2),d([y({reflect:!0})],F.prototype,"theme",2),d([y({type:Boolean,attribute:"keep-open"})],F.prototype,"keepOpen",2),d([y({type:Boolean})],F.prototype,"alert",2),d([T("dialog")],F.prototype,"dialog",2),F=d([D("meet-dialog")],F);var C=class extends M{constructor(){super(...arguments);this.privateViewers="users";this.recording=null;this.access="";this.expiresIn=0;this.url="";this.expiresAt=0;this.busy=!1;this.message="";this.messageKind="";this.confirmingRevoke=!1;this.revoking=!1;this.request=0}async open(e){this.request++,this.recording=e,this.access="",this.expiresIn=0,this.url="",this.expiresAt=0,this.busy=!1,this.message="",this.messageKind="",this.confirmingRevoke=!1,this.revoking=!1,await this.updateComplete,this.dialog.show()}async fetchLink(){if(!this.recording||!this.access)return;let e=++this.request,t=this.access==="private";this.busy=!0,this.url="",this.expiresAt=0,this.message=this.t.shareCreating,this.messageKind="";try{let{url:i,expiresAt:s}=await this.api.shareUrl(this.recording.recordingId,t,this.expiresIn||void 0);if(e!==this.request)return;this.url=i,this.expiresAt=s??0,this.message="",this.emit("meet-share-link-created",{recordingId:this.recording.recordingId,roomId:this.recording.roomId,url:i,privateAccess:t,expiresAt:s??null})}catch(i){if(e!==this.request)return;this.message=this.report(i,"share"),this.messageKind="bad"}finally{e===this.request&&(this.busy=!1)}}choose(e){e!==this.access&&(this.access=e,this.fetchLink())}onExpiry(e){this.expiresIn=Number(e.target.value)||0,this.fetchLink()}async copy(){if(!this.url)return;await le(this.url)?(this.message=this.t.linkCopied,this.messageKind="ok"):(this.message=this.t.copyFailed,this.messageKind="bad",this.linkInput?.select())}async askRevoke(){this.confirmingRevoke=!0,await this.updateComplete,this.renderRoot.querySelector("[data-revoke-cancel]")?.focus()}async cancelRevoke(){this.confirmingRevoke=!1,await this.updateComplete,this.renderRoot.querySelector("[part=share-revoke-button]")?.focus()}async revoke(){let e=this.recording;if(!e||this.revoking)return;let t=this.t;this.revoking=!0;let i=++this.request;try{let s=await this.api.rotateSecrets(e.recordingId);if(i!==this.request)return;this.busy=!1,this.url=!this.expiresIn&&this.access?this.access==="private"?s.privateUrl:s.publicUrl:"",this.expiresAt=0,this.message=this.url?t.linksRevokedNew:t.linksRevoked,this.messageKind="ok",this.emit("meet-share-links-revoked",{recordingId:e.recordingId,roomId:e.roomId})}catch(s){if(i!==this.request)return;this.message=this.report(s,"revoke-links"),this.messageKind="bad"}finally{this.revoking=!1,this.confirmingRevoke=!1}await this.updateComplete,this.renderRoot.querySelector("[part=share-revoke-button]")?.focus()}renderRevoke(){let e=this.t;return this.confirmingRevoke?l`<div class="revoke confirming" role="group" aria-labelledby="revoke-question">
      <p id="revoke-question">${e.revokeQuestion}</p>
      <button data-revoke-cancel @click=${this.cancelRevoke} ?disabled=${this.revoking}>${e.cancel}</button>
      <button class="danger" part="share-revoke-confirm" @click=${this.revoke} ?disabled=${this.revoking}>
        ${this.revoking?l`<span class="spinner" aria-hidden="true"></span>`:g("delete")} ${e.revokeConfirm}
      </button>
    </div>`:l`<div class="revoke">
        <p>${e.revokeHint}</p>
        <button class="ghost" part="share-revoke-button" @click=${this.askRevoke}>${g("delete")} ${e.revokeLinks}</button>
      </div>`}render(){let e=this.t,t=this.recording,i=t?`${t.roomName}, ${P(t.startDate,this.locale)}`:"",s=this.privateViewers==="admins",n=this.busy?e.shareCreating:this.access?"":e.shareChooseFirst;return l`
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
              .checked=${this.access==="public"}
              @change=${()=>this.choose("public")}
              data-autofocus
            />
            ${g("public")}
            <span class="choice-text"><span>${e.sharePublic}</span><small>${e.sharePublicHint}</small></span>
          </label>
          <label class="choice">
            <input type="radio" name="access" .checked=${this.access==="private"} @change=${()=>this.choose("private")} />
            ${g("lock")}
            <span class="choice-text"
              ><span>${s?e.sharePrivateAdmins:e.sharePrivate}</span
              ><small>${s?e.sharePrivateAdminsHint:e.sharePrivateHint}</small></span
            >
          </label>
        </fieldset>
        <div class="expiry">
          <label for="expiry">${e.shareExpiry}</label>
          <select id="expiry" part="share-expiry" @change=${this.onExpiry}>
            ${Di.map(([a,c])=>l`<option value=${a} ?selected=${this.expiresIn===a}>${e[c]}</option>`)}
          </select>
        </div>
        <label class="link-label" for="link">${e.shareLink}</label>
        <div class="link-row">
          <input
            id="link"
            class="link"
            part="share-link"
            type="url"
            readonly
            .value=${this.url}
            placeholder=${n}
            @focus=${a=>a.target.select()}
          />
          <button class="primary" part="share-copy" ?disabled=${!this.url} @click=${this.copy}>
            ${this.messageKind==="ok"&&this.message===e.linkCopied?g("check"):g("copy")}
            ${this.messageKind==="ok"&&this.message===e.linkCopied?e.copied:e.copy}
          </button>
        </div>
        <p class="status ${this.messageKind}" role="status" aria-live="polite">
          ${this.busy?l`<span class="spinner" aria-hidden="true"></span>`:p}${this.message}
          ${this.url&&this.expiresAt&&!this.message?this.fill(e.shareExpiresAt,{date:P(this.expiresAt,this.locale)}):p}
        </p>
        ${this.renderRevoke()}
      </meet-dialog>
    `}};C.styles=[N,z,S`
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
      .expiry {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 8px 12px;
        margin: 0 0 18px;
      }
      .expiry label {
        font-weight: 650;
      }
      .revoke {
        margin-top: 18px;
        padding-top: 14px;
        border-top: 1px solid var(--_border);
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 12px;
      }
      .revoke p {
        margin: 0;
        flex: 1 1 16em;
        color: var(--_muted);
        font-size: 0.9em;
      }
      .revoke.confirming p {
        color: var(--_text);
        font-size: 1em;
      }
      @media (max-width: 600px) {
        .link-row {
          flex-direction: column;
        }
      }
    `],d([y({attribute:"private-viewers",reflect:!0})],C.prototype,"privateViewers",2),d([v()],C.prototype,"recording",2),d([v()],C.prototype,"access",2),d([v()],C.prototype,"expiresIn",2),d([v()],C.prototype,"url",2),d([v()],C.prototype,"expiresAt",2),d([v()],C.prototype,"busy",2),d([v()],C.prototype,"message",2),d([v()],C.prototype,"messageKind",2),d([v()],C.prototype,"confirmingRevoke",2),d([v()],C.prototype,"revoking",2),d([T("meet-dialog")],C.prototype,"dialog",2),d([T("input.link")],C.prototype,"linkInput",2),C=d([D("meet-share-dialog")],C);var Di=[[0,"expiryNever"],[3600,"expiryHour"],[86400,"expiryDay"],[7*86400,"expiryWeek"],[30*86400,"expiryMonth"]];var R=class extends M{constructor(){super(...arguments);this.recordingId="";this.secret="";this.signInUrl="";this.autoplay=!1;this.fitViewport=!1;this.privateViewers="users";this.recording=null;this.src="";this.poster="";this.loading=!1;this.failure=null;this.mediaFailure="";this.reconnecting=!1;this.permissions=null;this.toast="";this.loadToken=0;this.resumeAt=null;this.reloads=[];this.posterBlob=""}updated(e){(e.has("recordingId")||e.has("secret")||e.has("token")&&!this.tokenRenewed(e)||e.has("baseUrl"))&&this.load()}get tokenRoomId(){return this.recording?.roomId??""}disconnectedCallback(){super.disconnectedCallback(),this.loadToken++,this.loading=!1,this.video?.pause(),this.posterBlob&&URL.revokeObjectURL(this.posterBlob),this.posterBlob=""}connectedCallback(){super.connectedCallback(),this.recordingId&&!this.recording&&!this.loading&&this.hasUpdated&&this.load()}async load(){let e=++this.loadToken;if(this.failure=null,this.mediaFailure="",this.src="",this.recording=null,!!this.recordingId){this.loading=!0;try{let t=await this.api.recording(this.recordingId,this.secret||void 0);if(e!==this.loadToken)return;if(this.recording=t,this.emit("meet-recording-loaded",{recording:t}),this.secret||this.loadPermissions(t.roomId,e),!O(t)){this.failure={kind:"other",message:this.fill(this.t.notReady,{status:this.statusLabel(t.status).toLowerCase()})};return}await this.loadMedia(e)}catch(t){if(e!==this.loadToken)return;this.failure=this.classify(t)}finally{e===this.loadToken&&(this.loading=!1)}}}async loadMedia(e){let t=this.recordingId;if(this.secret){this.src=this.api.secretMediaUrl(t,this.secret),this.loadSecretPoster(e);return}let i=await this.api.mediaUrl(t);e===this.loadToken&&(i.posterUrl&&(this.poster=i.posterUrl),this.src=i.url)}async loadSecretPoster(e){try{let t=await this.api.poster(this.recordingId,this.secret);if(e!==this.loadToken)return;this.posterBlob&&URL.revokeObjectURL(this.posterBlob),this.posterBlob=URL.createObjectURL(t),this.poster=this.posterBlob}catch{}}async loadPermissions(e,t){try{let i=await this.api.me(e);t===this.loadToken&&(this.permissions=i.permissions)}catch{t===this.loadToken&&(this.permissions=null)}}classify(e){let t=this.t;if(e instanceof w){let i=this.report(e,"load-recording");return this.secret&&e.status===400?{kind:"link",message:t.invalidLink}:this.secret&&e.status===401?{kind:"private",message:t.privateLink}:e.status===404?{kind:"missing",message:t.recordingNotFound}:e.status===401||e.status===403?{kind:"forbidden",message:i}:{kind:"other",message:i}}return{kind:"other",message:this.report(e,"load-recording")}}statusLabel(e){return this.t[`status_${e}`]??e}async onVideoError(){let e=this.video;if(!e||!this.src)return;let t=Date.now();if(this.reloads=this.reloads.filter(n=>t-n<6e4),!(!this.secret&&this.reloads.length<3)){this.mediaFailure=this.t.mediaError,this.emit("meet-error",{action:"play",status:0,error:"MediaError",message:this.t.mediaError});return}this.reloads.push(t),this.resumeAt={time:e.currentTime||this.resumeAt?.time||0,play:!e.paused||e.autoplay},this.reconnecting=!0;let s=this.loadToken;try{let n=await this.api.mediaUrl(this.recordingId);if(s!==this.loadToken)return;let a=n.url===this.src;this.src=n.url,a&&e.load()}catch(n){this.reconnecting=!1,this.mediaFailure=this.report(n,"renew-media-link")}}onLoadedMetadata(){let e=this.video;if(e&&(this.reconnecting=!1,this.mediaFailure="",this.resumeAt)){let{time:t,play:i}=this.resumeAt;this.resumeAt=null,t>0&&(e.currentTime=t),i&&e.play().catch(()=>{})}}async download(){let e=this.recording;if(e)try{if(this.secret)oe(this.api.secretMediaUrl(e.recordingId,this.secret,!0),e.filename||"");else{let t=await this.api.mediaUrl(e.recordingId);oe(`${t.url}&download=1`,e.filename||"")}this.flash(this.t.downloadStarted),this.emit("meet-download-started",{recordingIds:[e.recordingId]})}catch(t){this.flash(this.report(t,"download"))}}async share(){let e=this.recording;if(e){if(this.secret){let t=`${this.api.base}/recording/${encodeURIComponent(e.recordingId)}?secret=${encodeURIComponent(this.secret)}`,i=await le(t);this.flash(i?this.t.linkCopied:this.t.copyFailed),i&&this.emit("meet-share-link-created",{recordingId:e.recordingId,roomId:e.roomId,url:t,privateAccess:null});return}await this.shareDialog.open(e)}}flash(e){this.toast=e,clearTimeout(this.toastTimer),this.toastTimer=setTimeout(()=>this.toast="",4e3)}renderFailure(e){let t=this.t,i=e.kind==="private"||e.kind==="forbidden"?"lock":e.kind==="missing"?"videoOff":"warning";return l`
      <div class="failure ${e.kind}" part="error" role="alert">
        <div class="big">${g(i)}</div>
        <p>${e.message}</p>
        ${e.kind==="private"&&this.signInUrl?l`<a class="btn" href=${this.signInUrl}>${t.signIn}</a>`:p}
        ${e.kind==="other"&&!this.recording?l`<button @click=${()=>this.load()}>${g("refresh")} ${t.retry}</button>`:p}
      </div>
    `}render(){let e=this.t,t=this.recording;if(this.failure&&!t)return this.renderFailure(this.failure);let i=this.locale,s=this.secret?!0:!!this.permissions?.share,n=O(t);return l`
      <div class="player" part="player" aria-busy=${this.loading?"true":"false"}>
        ${this.failure?this.renderFailure(this.failure):l`
              <div class="stage" part="stage">
                ${this.src?l`<video
                      part="video"
                      controls
                      playsinline
                      preload="metadata"
                      .src=${this.src}
                      poster=${this.poster||p}
                      ?autoplay=${this.autoplay}
                      aria-label=${this.fill(e.videoLabel,{name:t?.roomName??"",date:P(t?.startDate,i)})}
                      @error=${this.onVideoError}
                      @loadedmetadata=${this.onLoadedMetadata}
                    ></video>`:l`<div class="skeleton" aria-hidden="true"></div>`}
                ${this.loading||this.reconnecting?l`<div class="overlay" role="status">
                      <span class="spinner" aria-hidden="true"></span>
                      <span>${this.reconnecting?e.reloadingMedia:e.playerLoading}</span>
                    </div>`:p}
                ${this.mediaFailure?l`<div class="overlay" role="alert">${g("warning")}<span>${this.mediaFailure}</span></div>`:p}
              </div>
            `}
        ${t?l`
              <div class="info">
                <div class="title-row">
                  <h3 part="title">${t.roomName}</h3>
                  <span class="badge s-${t.status}" part="status">${this.statusLabel(t.status)}</span>
                  <div class="actions" part="actions">
                    <button part="download-button" ?disabled=${!n} @click=${this.download}>
                      ${g("download")} ${e.download}
                    </button>
                    ${s?l`<button part="share-button" @click=${this.share}>
                          ${g(this.secret?"link":"share")} ${this.secret?e.copyLink:e.share}
                        </button>`:p}
                  </div>
                </div>
                <dl part="details" aria-label=${e.details}>
                  <div><dt>${g("room")}${e.room}</dt><dd title=${t.roomName}>${t.roomName}</dd></div>
                  <div><dt>${g("calendar")}${e.date}</dt><dd>${P(t.startDate,i)}</dd></div>
                  <div><dt>${g("clock")}${e.duration}</dt><dd>${te(t.duration)}</dd></div>
                  <div><dt>${g("storage")}${e.size}</dt><dd>${K(t.size,i)}</dd></div>
                </dl>
                <p class="toast" role="status" aria-live="polite">${this.toast}</p>
              </div>
            `:p}
      </div>
      ${this.secret?p:l`<meet-share-dialog
            .baseUrl=${this.baseUrl}
            .token=${this.token}
            .labels=${this.labels}
            theme=${this.theme}
            private-viewers=${this.privateViewers}
            exportparts="dialog: share-dialog, dialog-header: share-dialog-header, dialog-title: share-dialog-title, dialog-close: share-dialog-close, dialog-body: share-dialog-body, share-access, share-expiry, share-link, share-copy, share-revoke-button, share-revoke-confirm"
          ></meet-share-dialog>`}
    `}};R.styles=[N,z,S`
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
    `],d([y({attribute:"recording-id",reflect:!0})],R.prototype,"recordingId",2),d([y({reflect:!0})],R.prototype,"secret",2),d([y({attribute:"sign-in-url",reflect:!0})],R.prototype,"signInUrl",2),d([y({type:Boolean,reflect:!0})],R.prototype,"autoplay",2),d([y({type:Boolean,attribute:"fit-viewport",reflect:!0})],R.prototype,"fitViewport",2),d([y({attribute:"private-viewers",reflect:!0})],R.prototype,"privateViewers",2),d([v()],R.prototype,"recording",2),d([v()],R.prototype,"src",2),d([v()],R.prototype,"poster",2),d([v()],R.prototype,"loading",2),d([v()],R.prototype,"failure",2),d([v()],R.prototype,"mediaFailure",2),d([v()],R.prototype,"reconnecting",2),d([v()],R.prototype,"permissions",2),d([v()],R.prototype,"toast",2),d([T("video")],R.prototype,"video",2),d([T("meet-share-dialog")],R.prototype,"shareDialog",2),R=d([D("meet-recording-player")],R);var V={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},Ne=o=>(...r)=>({_$litDirective$:o,values:r}),ce=class{constructor(r){}get _$AU(){return this._$AM._$AU}_$AT(r,e,t){this._$Ct=r,this._$AM=e,this._$Ci=t}_$AS(r,e){return this.update(r,e)}update(r,e){return this.render(...e)}};var{I:Mi}=qt,Gt=o=>o;var Zt=o=>o.strings===void 0,Qt=()=>document.createComment(""),he=(o,r,e)=>{let t=o._$AA.parentNode,i=r===void 0?o._$AB:r._$AA;if(e===void 0){let s=t.insertBefore(Qt(),i),n=t.insertBefore(Qt(),i);e=new Mi(s,n,o,o.options)}else{let s=e._$AB.nextSibling,n=e._$AM,a=n!==o;if(a){let c;e._$AQ?.(o),e._$AM=o,e._$AP!==void 0&&(c=o._$AU)!==n._$AU&&e._$AP(c)}if(s!==i||a){let c=e._$AA;for(;c!==s;){let h=Gt(c).nextSibling;Gt(t).insertBefore(c,i),c=h}}}return e},W=(o,r,e=o)=>(o._$AI(r,e),o),Ni={},ze=(o,r=Ni)=>o._$AH=r,Jt=o=>o._$AH,Fe=o=>{o._$AR(),o._$AA.remove()};var Xt=(o,r,e)=>{let t=new Map;for(let i=r;i<=e;i++)t.set(o[i],i);return t},Oe=Ne(class extends ce{constructor(o){if(super(o),o.type!==V.CHILD)throw Error("repeat() can only be used in text expressions")}dt(o,r,e){let t;e===void 0?e=r:r!==void 0&&(t=r);let i=[],s=[],n=0;for(let a of o)i[n]=t?t(a,n):n,s[n]=e(a,n),n++;return{values:s,keys:i}}render(o,r,e){return this.dt(o,r,e).values}update(o,[r,e,t]){let i=Jt(o),{values:s,keys:n}=this.dt(r,e,t);if(!Array.isArray(i))return this.ut=n,s;let a=this.ut??=[],c=[],h,m,u=0,f=i.length-1,b=0,$=s.length-1;for(;u<=f&&b<=$;)if(i[u]===null)u++;else if(i[f]===null)f--;else if(a[u]===n[b])c[b]=W(i[u],s[b]),u++,b++;else if(a[f]===n[$])c[$]=W(i[f],s[$]),f--,$--;else if(a[u]===n[$])c[$]=W(i[u],s[$]),he(o,c[$+1],i[u]),u++,$--;else if(a[f]===n[b])c[b]=W(i[f],s[b]),he(o,i[u],i[f]),f--,b++;else if(h===void 0&&(h=Xt(n,b,$),m=Xt(a,u,f)),h.has(a[u]))if(h.has(a[f])){let _=m.get(n[b]),U=_!==void 0?i[_]:null;if(U===null){let I=he(o,i[u]);W(I,s[b]),c[b]=I}else c[b]=W(U,s[b]),he(o,i[u],U),i[_]=null;b++}else Fe(i[f]),f--;else Fe(i[u]),u++;for(;b<=$;){let _=he(o,c[$+1]);W(_,s[b]),c[b++]=_}for(;u<=f;){let _=i[u++];_!==null&&Fe(_)}return this.ut=n,ze(o,c),L}});var He=class{constructor(r){this.emit=r;this.buffer="";this.data=[];this.event="";this.lastId="";this.retry=null}push(r){this.buffer+=r;let e=0;for(;;){let t=this.buffer.indexOf("\r",e),i=this.buffer.indexOf(`
`,e),s;if(t===-1&&i===-1||(t===-1?s=i:i===-1?s=t:s=Math.min(t,i),s===t&&s===this.buffer.length-1))break;this.line(this.buffer.slice(e,s)),e=s+(this.buffer[s]==="\r"&&this.buffer[s+1]===`
`?2:1)}this.buffer=this.buffer.slice(e)}line(r){if(r===""){this.data.length&&this.emit({event:this.event||"message",data:this.data.join(`
`),id:this.lastId}),this.data=[],this.event="";return}if(r.startsWith(":"))return;let e=r.indexOf(":"),t=e===-1?r:r.slice(0,e),i=e===-1?"":r.slice(e+1);switch(i.startsWith(" ")&&(i=i.slice(1)),t){case"event":this.event=i;break;case"data":this.data.push(i);break;case"id":i.includes("\0")||(this.lastId=i);break;case"retry":/^\d+$/.test(i)&&(this.retry=Number(i));break}}},se=class{constructor(r){this.options=r;this.abort=null;this.running=!1;this.attempt=0;this.timer=null;this.wake=null;this.onOnline=()=>this.wake?.()}start(){this.running||(this.running=!0,window.addEventListener("online",this.onOnline),this.loop())}stop(){this.running=!1,window.removeEventListener("online",this.onOnline),this.abort?.abort(),this.wake?.()}restart(){this.attempt=0,this.abort?.abort(),this.wake?.()}async loop(){let{minDelayMs:r=1e3,maxDelayMs:e=3e4}=this.options;for(;this.running;){let t=null;try{t=await this.connectOnce()}catch(n){if(n instanceof w&&!n.isTransient){this.running=!1,this.options.onFatal?.(n);break}}if(!this.running)break;let i=Math.min(e,r*2**Math.min(this.attempt,10)),s=Math.max(t??0,Math.round(i*(.75+Math.random()*.5)));this.attempt+=1,this.options.onState?.(!1,s),await new Promise(n=>{this.wake=n,this.timer=setTimeout(n,s)}),this.timer&&clearTimeout(this.timer),this.wake=null}window.removeEventListener("online",this.onOnline)}async connectOnce(){let r=new AbortController;this.abort=r;let e=this.options.idleTimeoutMs??45e3,t=null,i=()=>{t&&clearTimeout(t),t=setTimeout(()=>r.abort(),e)},s=new He(n=>{this.attempt=0,this.options.onMessage(n)});try{let n;try{i(),n=await fetch(this.options.url(),{headers:{Accept:"text/event-stream",...this.options.headers()},credentials:"same-origin",cache:"no-store",signal:r.signal})}catch(c){if(r.signal.aborted)return null;throw new w(0,c?.message||"Network error")}if(!n.ok||!n.body){let c=n.statusText,h="";try{let m=await n.json();c=m.message||c,h=m.error||""}catch{}throw new w(n.status,c,h)}this.options.onOpen?.(n),this.options.onState?.(!0);let a=n.body.pipeThrough(new TextDecoderStream).getReader();try{for(;;){let{value:c,done:h}=await a.read();if(h)break;i(),s.push(c)}}catch{}finally{a.releaseLock()}return s.retry}finally{t&&clearTimeout(t),this.abort===r&&(this.abort=null)}}};var it=["complete","failed","aborted","limit_reached"],zi=["complete","active","starting","ending","failed","aborted","limit_reached"],Fi=new Set(["recordingStarting","recordingStarted","recordingStopping","recordingStopped","recordingFailed","recordingUpdated"]),Oi="dialog: share-dialog, dialog-header: share-dialog-header, dialog-title: share-dialog-title, dialog-close: share-dialog-close, dialog-body: share-dialog-body, share-access, share-expiry, share-link, share-copy, share-revoke-button, share-revoke-confirm";var k=class extends M{constructor(){super(...arguments);this.roomId="";this.mode="room";this.pageSize=12;this.privateViewers="users";this.me=null;this.items=[];this.nextPageToken="";this.phase="idle";this.loadingMore=!1;this.failure="";this.status="";this.sort="startDate:desc";this.search="";this.roomFilter="";this.rooms=[];this.selected=new Set;this.posters=new Map;this.notice=null;this.live=!0;this.playing=null;this.deleting=[];this.deleteBusy=!1;this.announcement="";this.toast="";this.abort=null;this.sse=null;this.posterQueue=[];this.posterActive=0;this.wasDisconnected=!1;this.pollOnly=!1;this.generation=0;this.roomsRequest=0}connectedCallback(){super.connectedCallback(),this.hasUpdated&&this.reload()}disconnectedCallback(){super.disconnectedCallback(),this.generation++,this.abort?.abort(),this.sse?.stop(),this.sse=null,clearTimeout(this.refreshTimer),clearTimeout(this.pollTimer),clearTimeout(this.searchTimer),clearTimeout(this.toastTimer);for(let e of this.posters.values())e.startsWith("blob:")&&URL.revokeObjectURL(e);this.posters=new Map,this.posterQueue=[]}willUpdate(e){e.has("mode")&&this.mode==="room"&&this.sort.startsWith("roomName")&&(this.sort="startDate:desc")}updated(e){(e.has("roomId")||e.has("token")&&!this.tokenRenewed(e)||e.has("baseUrl")||e.has("mode")||e.has("pageSize"))&&this.reload()}get tokenRoomId(){return this.currentRoomId}async reload(){let e=++this.generation;this.abort?.abort();let t=this.abort=new AbortController;this.sse?.stop(),this.sse=null,this.pollOnly=!1,this.live=!0,this.phase="loading",this.failure="",this.notice=null,this.items=[],this.nextPageToken="",this.selected=new Set;let i=this.mode==="room"?this.roomId.trim():"";if(this.mode==="room"&&!i&&!this.token){this.phase="error",this.failure=this.t.missingRoom;return}try{let s=await this.api.me(i||void 0,t.signal);if(e!==this.generation)return;if(this.me=s,!s.permissions.retrieve){this.phase="forbidden",this.failure=this.forbiddenMessage(),this.emit("meet-error",{action:"list",status:403,error:"Forbidden",message:this.failure});return}this.mode==="console"&&this.loadRooms(),await this.fetchPage(!1,e,t.signal),e===this.generation&&this.startLive()}catch(s){if(e!==this.generation||s?.name==="AbortError")return;s instanceof w&&s.status===403?(this.phase="forbidden",this.failure=this.report(s,"list",this.forbiddenMessage())):(this.phase="error",this.failure=this.report(s,"list",this.forbiddenMessage()))}}async refresh(){if(this.phase!=="ready")return;let e=this.generation;try{let t=Math.min(100,Math.max(this.limit,this.items.length)),i=await this.api.listRecordings(this.query(t));if(e!==this.generation)return;this.items=i.recordings,this.nextPageToken=i.pagination.nextPageToken??"",this.selected=new Set([...this.selected].filter(s=>this.items.some(n=>n.recordingId===s))),this.queuePosters(),this.schedulePoll()}catch(t){if(e!==this.generation)return;if(t instanceof w&&(t.status===401||t.status===403)){this.report(t,"refresh"),this.reload();return}this.notice={kind:"warning",message:this.report(t,"refresh")}}}get limit(){let e=Math.floor(Number(this.pageSize));return Number.isFinite(e)?Math.min(100,Math.max(1,e)):12}get currentRoomId(){return this.roomId.trim()||this.me?.room?.roomId||""}forbiddenMessage(){let e=this.t;if(this.mode==="console")return e.forbiddenConsole;let t=this.me?.room?.allowAccessTo;return t==="admin"?e.forbiddenAdmin:t==="admin_moderator"?e.forbiddenModerator:e.errorForbidden}query(e,t){let[i,s]=this.sort.split(":");return{maxItems:e,nextPageToken:t,roomId:this.mode==="room"?this.currentRoomId:this.roomFilter,roomName:this.mode==="console"?this.search.trim():"",status:this.status,sortField:i,sortOrder:s}}async fetchPage(e,t=this.generation,i){let s=await this.api.listRecordings(this.query(this.limit,e?this.nextPageToken:void 0),i);if(t!==this.generation)return;let n=new Set(this.items.map(a=>a.recordingId));this.items=e?[...this.items,...s.recordings.filter(a=>!n.has(a.recordingId))]:s.recordings,this.nextPageToken=s.pagination.nextPageToken??"",this.phase="ready",this.announcement=this.countText(),this.queuePosters(),this.emit("meet-recordings-loaded",{recordings:this.items,hasMore:!!this.nextPageToken}),this.schedulePoll()}schedulePoll(){clearTimeout(this.pollTimer),!(this.sse&&this.live||!this.isConnected||this.phase!=="ready")&&this.items.some(e=>!it.includes(e.status))&&(this.pollTimer=setTimeout(()=>{this.refresh()},5e3))}async loadMore(){if(!this.nextPageToken||this.loadingMore)return;this.loadingMore=!0;let e=this.items.length,t=this.generation,i=!1;try{await this.fetchPage(!0),i=t===this.generation}catch(s){this.notice={kind:"error",message:this.report(s,"list")}}finally{this.loadingMore=!1}i&&this.items.length>e&&(await this.updateComplete,this.renderRoot.querySelectorAll("li.item")[e]?.focus())}async loadRooms(){let e=++this.roomsRequest;try{let{rooms:t}=await this.api.listRooms();e===this.roomsRequest&&(this.rooms=t)}catch{e===this.roomsRequest&&(this.rooms=[])}}startLive(){let e=this.currentRoomId,t=this.mode==="console";if(!t&&!e)return;let i=t?"/recordings/events":`/rooms/${encodeURIComponent(e)}/recording/events`;this.wasDisconnected=!1;let s=new se({url:()=>this.api.url(i),headers:()=>this.api.headers({Accept:"text/event-stream"}),onMessage:n=>{n.event==="state"?(this.live=!0,clearTimeout(this.pollTimer),this.wasDisconnected&&this.scheduleRefresh(),this.wasDisconnected=!1):n.event==="recordingDeleted"?this.removeDeleted(n.data):Fi.has(n.event)&&this.scheduleRefresh()},onState:n=>{n||(this.wasDisconnected=!0,this.live=!1,this.schedulePoll())},onFatal:n=>{(async()=>{if(n.status===401&&this.sse===s&&await this.renewAfterRefusal(this.token)){this.sse===s&&s.start();return}this.sse===s&&(this.sse=null,this.pollOnly=!0,this.live=!0,this.schedulePoll())})()}});this.sse=s,s.start()}removeDeleted(e){let t="";try{t=String(JSON.parse(e).recordingId??"")}catch{return}this.items.some(i=>i.recordingId===t)&&(this.forget([t]),this.announcement=this.countText(),this.nextPageToken&&this.items.length<this.limit&&this.scheduleRefresh())}forget(e){let t=new Set(e);this.items=this.items.filter(s=>!t.has(s.recordingId)),this.selected=new Set([...this.selected].filter(s=>!t.has(s)));let i=new Map(this.posters);for(let s of e){let n=i.get(s);n?.startsWith("blob:")&&URL.revokeObjectURL(n),i.delete(s)}this.posters=i}scheduleRefresh(){clearTimeout(this.refreshTimer),this.refreshTimer=setTimeout(()=>{this.refresh()},250)}queuePosters(){for(let e of this.items)O(e)&&!this.posters.has(e.recordingId)&&!this.posterQueue.includes(e.recordingId)&&this.posterQueue.push(e.recordingId);for(;this.posterActive<4&&this.posterQueue.length;)this.nextPoster()}async nextPoster(){let e=this.posterQueue.shift();if(!e)return;this.posterActive++;let t=this.generation,i="none";try{i=URL.createObjectURL(await this.api.poster(e))}catch{i="none"}finally{this.posterActive--}t!==this.generation?i.startsWith("blob:")&&URL.revokeObjectURL(i):this.posters=new Map(this.posters).set(e,i),this.posterQueue.length&&this.nextPoster()}onStatus(e){this.status=e.target.value,this.reloadList()}onSort(e){this.sort=e.target.value,this.reloadList()}onRoomFilter(e){this.roomFilter=e.target.value,this.reloadList()}onSearch(e){this.search=e.target.value,clearTimeout(this.searchTimer),this.searchTimer=setTimeout(()=>{this.reloadList()},300)}clearFilters(){this.status="",this.search="",this.roomFilter="",this.reloadList()}get filtered(){return!!(this.status||this.search.trim()||this.roomFilter)}async reloadList(){if(!this.me)return this.reload();let e=++this.generation;this.abort?.abort();let t=this.abort=new AbortController;this.phase="loading",this.items=[],this.nextPageToken="",this.selected=new Set,this.notice=null;try{await this.fetchPage(!1,e,t.signal),e===this.generation&&!this.sse&&!this.pollOnly&&this.startLive()}catch(i){if(e!==this.generation||i?.name==="AbortError")return;this.phase="error",this.failure=this.report(i,"list",this.forbiddenMessage())}}canSelect(e){let t=this.me?.permissions;return O(e)&&!!t?.retrieve||it.includes(e.status)&&!!t?.delete}get selectable(){return this.items.filter(e=>this.canSelect(e))}get selectedRecordings(){return this.items.filter(e=>this.selected.has(e.recordingId))}toggle(e,t){let i=new Set(this.selected);t?i.add(e):i.delete(e),this.selected=i}toggleAll(e){this.selected=e?new Set(this.selectable.map(t=>t.recordingId)):new Set}name(e){return`${e.roomName}, ${P(e.startDate,this.locale)}`}async play(e){this.emit("meet-recording-play",{recording:e})&&(this.playing=e,await this.updateComplete,this.playerDialog.show())}async download(e){try{let t=await this.api.mediaUrl(e.recordingId);oe(`${t.url}&download=1`,e.filename||""),this.flash(this.t.downloadStarted),this.emit("meet-download-started",{recordingIds:[e.recordingId]})}catch(t){this.notice={kind:"error",message:this.report(t,"download")}}}async downloadZip(){let e=this.t,t=this.selectedRecordings,i=t.filter(n=>O(n)).map(n=>n.recordingId),s=t.length-i.length;if(i.length){this.notice=null;try{this.flash(e.preparingDownload);let n=await this.api.zipUrl(i);oe(n.url,"recordings.zip"),this.flash(e.downloadStarted),s&&(this.notice={kind:"warning",message:this.leftOutText(s)}),this.emit("meet-download-started",{recordingIds:i})}catch(n){this.flash(""),this.notice={kind:"error",message:this.report(n,"download-zip")}}}}leftOutText(e){return e===1?this.t.zipLeftOutOne:this.fill(this.t.zipLeftOutMany,{count:e})}async share(e){await this.shareDialog.open(e)}async askDelete(e){e.length&&(this.deleting=e,this.deleteBusy=!1,await this.updateComplete,this.confirmDialog.show())}async confirmDelete(){let e=this.deleting;if(!e.length||this.deleteBusy)return;this.deleteBusy=!0;let t=this.t,i=[],s=[];try{e.length===1?(await this.api.deleteRecording(e[0].recordingId),i=[e[0].recordingId]):i=(await this.api.bulkDelete(e.map(a=>a.recordingId))).deleted}catch(n){let a=n instanceof w?n.body:null;n instanceof w&&n.status===400&&a&&Array.isArray(a.failed)?(i=a.deleted??[],s=a.failed,this.report(n,"delete")):s=e.map(c=>({recordingId:c.recordingId,error:this.report(n,"delete")}))}if(this.deleteBusy=!1,this.confirmDialog.close(),this.deleting=[],i.length&&(this.forget(i),this.emit("meet-recording-deleted",{recordingIds:i})),s.length){let n=new Map(e.map(a=>[a.recordingId,a]));this.notice={kind:"error",message:e.length===1?s[0].error:this.fill(t.deletePartial,{deleted:i.length,failed:s.length}),items:e.length===1?void 0:s.map(a=>{let c=n.get(a.recordingId);return`${c?this.name(c):a.recordingId}: ${this.failureReason(a)}`})}}else this.flash(i.length===1?t.deletedOne:this.fill(t.deletedMany,{count:i.length}));await this.updateComplete,this.heading?.focus(),(s.length||i.length&&this.nextPageToken&&this.items.length<this.limit)&&this.refresh()}failureReason(e){let t=this.t;switch(e.code){case"notFound":return t.deleteFailedNotFound;case"notStopped":return t.deleteFailedNotStopped;case"otherRoom":return t.deleteFailedOtherRoom;default:return e.error}}flash(e){this.toast=e,this.announcement=e;let t=this.toastEl;if(!e){clearTimeout(this.toastTimer);try{t?.hidePopover()}catch{}return}try{t&&!t.matches(":popover-open")&&t.showPopover()}catch{}clearTimeout(this.toastTimer),this.toastTimer=setTimeout(()=>{this.toast="";try{this.toastEl?.hidePopover()}catch{}},3500)}countText(){let e=this.t,t=this.items.length;return this.nextPageToken?this.fill(e.countMore,{count:t}):t===1?e.countOne:this.fill(e.countMany,{count:t})}statusLabel(e){return this.t[`status_${e}`]??e}renderTools(){let e=this.t,t=this.mode==="console",i=this.phase==="forbidden"||this.phase==="error"&&!this.me,s=[["startDate:desc",e.sortNewest],["startDate:asc",e.sortOldest],["duration:desc",e.sortLongest],["duration:asc",e.sortShortest],["size:desc",e.sortLargest],["size:asc",e.sortSmallest]];return t&&s.push(["roomName:asc",e.sortRoomAz],["roomName:desc",e.sortRoomZa]),l`
      <div class="tools" part="toolbar">
        ${t?l`
              <label class="search">
                ${g("search")}
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
              ${this.rooms.length?l`<select
                    part="room-filter"
                    aria-label=${e.roomFilter}
                    @change=${this.onRoomFilter}
                    ?disabled=${i}
                  >
                    <option value="" ?selected=${!this.roomFilter}>${e.allRooms}</option>
                    ${this.rooms.map(n=>l`<option value=${n.roomId} ?selected=${this.roomFilter===n.roomId}>
                          ${n.roomName}
                        </option>`)}
                  </select>`:p}
            `:p}
        <select part="status-filter" aria-label=${e.statusFilter} @change=${this.onStatus} ?disabled=${i}>
          <option value="" ?selected=${!this.status}>${e.allStatuses}</option>
          ${zi.map(n=>l`<option value=${n} ?selected=${this.status===n}>${this.statusLabel(n)}</option>`)}
        </select>
        <select part="sort" aria-label=${e.sortBy} @change=${this.onSort} ?disabled=${i}>
          ${s.map(([n,a])=>l`<option value=${n} ?selected=${this.sort===n}>${a}</option>`)}
        </select>
        <button
          class="icon"
          part="refresh-button"
          aria-label=${e.refresh}
          title=${e.refresh}
          @click=${()=>this.me?this.refresh():this.reload()}
          ?disabled=${this.phase==="loading"}
        >
          ${g("refresh")}
        </button>
      </div>
    `}renderSelectionBar(){let e=this.t,t=this.selectable;if(!t.length)return p;let i=this.selected.size,s=i>0&&i===t.length,n=this.me?.permissions,c=this.selectedRecordings.filter(u=>O(u)).length,h=!!n?.retrieve&&c>0,m=!!n?.delete;return l`
      <div class="selbar ${i?"active":""}" part="selection-bar">
        <label>
          <input
            type="checkbox"
            .checked=${s}
            .indeterminate=${i>0&&!s}
            @change=${u=>this.toggleAll(u.target.checked)}
          />
          ${i?this.fill(e.selectedCount,{count:i}):e.selectAll}
        </label>
        <span class="spacer"></span>
        ${i?l`
              ${h?l`<button
                    part="zip-button"
                    aria-describedby=${c<i?"zip-left-out":p}
                    @click=${this.downloadZip}
                  >
                    ${g("zip")} ${e.downloadZip}
                  </button>`:p}
              ${h&&c<i?l`<span class="hint" id="zip-left-out" part="zip-hint">${this.leftOutText(i-c)}</span>`:p}
              ${m?l`<button
                    class="danger"
                    part="bulk-delete-button"
                    @click=${()=>this.askDelete(this.selectedRecordings)}
                  >
                    ${g("delete")} ${e.deleteSelected}
                  </button>`:p}
              <button class="ghost" @click=${()=>this.toggleAll(!1)}>${e.clearSelection}</button>
            `:p}
      </div>
    `}renderPoster(e){let t=this.t,i=this.posters.get(e.recordingId),s=O(e),n;return e.status==="active"||e.status==="starting"?n=l`<span class="live rec"><span class="dot"></span>${t.rec}</span>`:e.status==="ending"?n=l`<span class="live"><span class="spinner" aria-hidden="true"></span></span>`:i&&i!=="none"?n=l`<img src=${i} alt="" loading="lazy" />`:s?i==="none"?n=l`${g("library")}`:n=l`<span class="skeleton fill"></span>`:n=l`${g("videoOff")}`,l`
      <div
        class="poster ${s?"playable":""}"
        part="poster"
        aria-hidden="true"
        @click=${s?()=>this.play(e):null}
      >
        ${n}
        ${s?l`<span class="play">${g("play")}</span>`:p}
        ${e.duration&&s?l`<span class="clock">${te(e.duration)}</span>`:p}
      </div>
    `}renderItem(e){let t=this.t,i=this.locale,s=this.me?.permissions,n=this.name(e),a=O(e),c=it.includes(e.status),h=this.mode==="console",m=this.selected.has(e.recordingId);return l`
      <li class="item ${m?"selected":""}" part="item" tabindex="-1">
        <span class="check">
          ${this.canSelect(e)?l`<input
                type="checkbox"
                part="item-checkbox"
                aria-label=${this.fill(t.selectRecording,{name:n})}
                .checked=${m}
                @change=${u=>this.toggle(e.recordingId,u.target.checked)}
              />`:p}
        </span>
        ${this.renderPoster(e)}
        <div class="main">
          <div class="name-row">
            <span class="name" part="item-title">${h?e.roomName:P(e.startDate,i)}</span>
            <span class="badge s-${e.status}" part="status">${this.statusLabel(e.status)}</span>
          </div>
          <div class="meta" part="item-meta">
            ${h?l`<span>${g("calendar")}<span class="sr-only">${t.date}: </span>${P(e.startDate,i)}</span>`:p}
            ${c?l`<span>${g("clock")}<span class="sr-only">${t.duration}: </span>${te(e.duration)}</span>
                  <span>${g("storage")}<span class="sr-only">${t.size}: </span>${K(e.size,i)}</span>`:p}
          </div>
          ${e.error&&!a?l`<span class="error-text">${e.error}</span>`:p}
        </div>
        ${a||c&&s?.delete?l`<div class="actions" part="actions">
          ${a&&s?.retrieve?l`
                <button
                  class="icon ghost"
                  part="play-button"
                  aria-label=${this.fill(t.playRecording,{name:n})}
                  title=${t.play}
                  @click=${()=>this.play(e)}
                >
                  ${g("play")}
                </button>
                <button
                  class="icon ghost"
                  part="download-button"
                  aria-label=${this.fill(t.downloadRecording,{name:n})}
                  title=${t.download}
                  @click=${()=>this.download(e)}
                >
                  ${g("download")}
                </button>
              `:p}
          ${a&&s?.share?l`<button
                class="icon ghost"
                part="share-button"
                aria-label=${this.fill(t.shareRecording,{name:n})}
                title=${t.share}
                @click=${()=>this.share(e)}
              >
                ${g("share")}
              </button>`:p}
          ${c&&s?.delete?l`<button
                class="icon ghost danger-hover"
                part="delete-button"
                aria-label=${this.fill(t.deleteRecording,{name:n})}
                title=${t.delete}
                @click=${()=>this.askDelete([e])}
              >
                ${g("delete")}
              </button>`:p}
        </div>`:p}
      </li>
    `}renderSkeleton(){return l`
      <ul aria-hidden="true">
        ${[0,1,2].map(()=>l`
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
    `}renderBody(){let e=this.t;return this.phase==="loading"||this.phase==="idle"?l`<div role="status" class="sr-only">${e.loading}</div>
        ${this.renderSkeleton()}`:this.phase==="forbidden"?l`<div class="state forbidden" part="forbidden" role="alert">
        <div class="big">${g("lock")}</div>
        <h3>${this.failure}</h3>
        <p>${e.forbiddenHint}</p>
      </div>`:this.phase==="error"?l`<div class="state error" part="error" role="alert">
        <div class="big">${g("error")}</div>
        <h3>${e.errorTitle}</h3>
        <p>${this.failure}</p>
        <button class="primary" @click=${()=>this.reload()}>${g("refresh")} ${e.retry}</button>
      </div>`:this.items.length?l`
      ${this.renderSelectionBar()}
      <ul part="list" aria-label=${this.mode==="console"?e.consoleTitle:e.listTitle}>
        ${Oe(this.items,t=>t.recordingId,t=>this.renderItem(t))}
      </ul>
      ${this.nextPageToken?l`<div class="more">
            <button part="load-more" @click=${this.loadMore} aria-disabled=${this.loadingMore?"true":"false"}>
              ${this.loadingMore?l`<span class="spinner" aria-hidden="true"></span>${e.loadingMore}`:e.loadMore}
            </button>
          </div>`:p}
    `:this.filtered?l`<div class="state" part="empty">
            <div class="big">${g("filter")}</div>
            <h3>${e.emptyFilteredTitle}</h3>
            <p>${e.emptyFiltered}</p>
            <button @click=${this.clearFilters}>${e.clearFilters}</button>
          </div>`:l`<div class="state" part="empty">
            <div class="big">${g("library")}</div>
            <h3>${e.emptyTitle}</h3>
            <p>${this.mode==="console"?e.emptyConsole:e.emptyRoom}</p>
          </div>`}renderNotice(){let e=this.notice;return e?l`<div class="notice ${e.kind}" part="notice" role="alert">
      ${g(e.kind==="success"?"check":"warning")}
      <div class="grow">
        <p>${e.message}</p>
        ${e.items?.length?l`<ul class="failed">${e.items.map(t=>l`<li>${t}</li>`)}</ul>`:p}
      </div>
      <button class="icon ghost" aria-label=${this.t.close} @click=${()=>this.notice=null}>
        ${g("close")}
      </button>
    </div>`:p}render(){let e=this.t,t=this.mode==="console"?e.consoleTitle:e.listTitle,i=this.deleting,s=i.length===1?i[0]:null;return l`
      <section class="root" part="container" aria-busy=${this.phase==="loading"?"true":"false"}>
        <div class="head" part="header">
          <div class="title">
            <h2 part="title" tabindex="-1">${t}</h2>
            ${this.phase==="ready"?l`<span class="count" part="count">${this.countText()}</span>`:p}
          </div>
          ${this.phase==="forbidden"||this.phase==="error"&&!this.me?p:this.renderTools()}
        </div>
        ${!this.live&&this.phase==="ready"?l`<div class="conn" role="status">${g("warning")} ${e.liveUpdatesLost}</div>`:p}
        ${this.renderNotice()} ${this.renderBody()}
        <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      </section>
      <div class="toast" part="toast" popover="manual" aria-hidden="true">${g("check")}${this.toast}</div>

      <meet-dialog
        class="player-dialog"
        size="lg"
        theme=${this.theme}
        .heading=${this.playing?this.fill(e.playerTitle,{name:this.name(this.playing)}):""}
        .closeLabel=${e.close}
        exportparts="dialog, dialog-header, dialog-title, dialog-close, dialog-body"
        @meet-dialog-close=${()=>this.playing=null}
      >
        ${this.playing?l`<meet-recording-player
              part="player"
              .baseUrl=${this.baseUrl}
              .token=${this.token}
              .labels=${this.labels}
              theme=${this.theme}
              recording-id=${this.playing.recordingId}
              private-viewers=${this.privateViewers}
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
          ${s?this.fill(e.deleteBodyOne,{name:s.roomName,date:P(s.startDate,this.locale)}):this.fill(e.deleteBodyMany,{count:i.length})}
        </p>
        <button slot="footer" data-autofocus @click=${()=>this.confirmDialog.close()} ?disabled=${this.deleteBusy}>
          ${e.cancel}
        </button>
        <button slot="footer" class="danger" part="confirm-delete" @click=${this.confirmDelete} ?disabled=${this.deleteBusy}>
          ${this.deleteBusy?l`<span class="spinner" aria-hidden="true"></span>${e.deleting}`:l`${g("delete")} ${e.deleteConfirm}`}
        </button>
      </meet-dialog>

      <meet-share-dialog
        .baseUrl=${this.baseUrl}
        .token=${this.token}
        .labels=${this.labels}
        theme=${this.theme}
        private-viewers=${this.privateViewers}
        exportparts=${Oi}
      ></meet-share-dialog>
    `}};k.styles=[N,z,S`
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
      .selbar .hint {
        color: var(--_muted);
        font-size: 0.88em;
      }
      li.item:focus-visible {
        outline: 2px solid var(--_focus);
        outline-offset: 2px;
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
    `],d([y({attribute:"room-id",reflect:!0})],k.prototype,"roomId",2),d([y({reflect:!0})],k.prototype,"mode",2),d([y({attribute:"page-size",type:Number,reflect:!0})],k.prototype,"pageSize",2),d([y({attribute:"private-viewers",reflect:!0})],k.prototype,"privateViewers",2),d([v()],k.prototype,"me",2),d([v()],k.prototype,"items",2),d([v()],k.prototype,"nextPageToken",2),d([v()],k.prototype,"phase",2),d([v()],k.prototype,"loadingMore",2),d([v()],k.prototype,"failure",2),d([v()],k.prototype,"status",2),d([v()],k.prototype,"sort",2),d([v()],k.prototype,"search",2),d([v()],k.prototype,"roomFilter",2),d([v()],k.prototype,"rooms",2),d([v()],k.prototype,"selected",2),d([v()],k.prototype,"posters",2),d([v()],k.prototype,"notice",2),d([v()],k.prototype,"live",2),d([v()],k.prototype,"playing",2),d([v()],k.prototype,"deleting",2),d([v()],k.prototype,"deleteBusy",2),d([v()],k.prototype,"announcement",2),d([v()],k.prototype,"toast",2),d([T("meet-dialog.player-dialog")],k.prototype,"playerDialog",2),d([T("meet-dialog.confirm")],k.prototype,"confirmDialog",2),d([T("meet-share-dialog")],k.prototype,"shareDialog",2),d([T("h2")],k.prototype,"heading",2),d([T(".toast")],k.prototype,"toastEl",2),k=d([D("meet-recordings")],k);var j=Ne(class extends ce{constructor(o){if(super(o),o.type!==V.PROPERTY&&o.type!==V.ATTRIBUTE&&o.type!==V.BOOLEAN_ATTRIBUTE)throw Error("The `live` directive is not allowed on child or event bindings");if(!Zt(o))throw Error("`live` bindings can only contain a single expression")}render(o){return o}update(o,[r]){if(r===L||r===p)return r;let e=o.element,t=o.name;if(o.type===V.PROPERTY){if(r===e[t])return L}else if(o.type===V.BOOLEAN_ATTRIBUTE){if(!!r===e.hasAttribute(t))return L}else if(o.type===V.ATTRIBUTE&&e.getAttribute(t)===r+"")return L;return ze(o),r}});var Hi=["fail","close","force"],Ui=["name","enabled","access","maxDuration","retention"],Bi={roomName:"name",enabled:"enabled",allowAccessTo:"access",maxDuration:"maxDuration",retentionDays:"retention"},ei="dialog, dialog-header, dialog-title, dialog-close, dialog-body, dialog-footer",x=class extends M{constructor(){super(...arguments);this.pageSize=20;this.defaultRetentionDays=null;this.activityHref="";this.items=[];this.nextPageToken="";this.phase="idle";this.loadingMore=!1;this.failure="";this.search="";this.notice=null;this.announcement="";this.toast="";this.fresh="";this.editing=null;this.creating=!1;this.form=ti();this.notNumber=new Set;this.errors={};this.formError="";this.saving=!1;this.deleting=null;this.policy="fail";this.recordingCount=null;this.countMore=!1;this.counting=!1;this.deleteBusy=!1;this.deleteError="";this.abort=null;this.generation=0;this.focusAfterClose=""}connectedCallback(){super.connectedCallback(),this.hasUpdated&&this.reload()}disconnectedCallback(){super.disconnectedCallback(),this.generation++,this.abort?.abort(),clearTimeout(this.searchTimer),clearTimeout(this.toastTimer),clearTimeout(this.freshTimer)}updated(e){(e.has("token")&&!this.tokenRenewed(e)||e.has("baseUrl")||e.has("pageSize"))&&this.reload()}async reload(){let e=++this.generation;this.abort?.abort();let t=this.abort=new AbortController;this.phase="loading",this.failure="",this.items=[],this.nextPageToken="";try{await this.fetchPage(!1,e,t.signal)}catch(i){if(e!==this.generation||i?.name==="AbortError")return;i instanceof w&&(i.status===403||i.status===401)?(this.phase="forbidden",this.failure=this.report(i,"list-rooms",this.t.forbiddenRooms)):(this.phase="error",this.failure=this.report(i,"list-rooms"))}}async createRoom(){this.editing=null,this.creating=!0,this.form=ti(),this.resetProblems(),await this.updateComplete,this.settingsDialog.show()}async editRoom(e){this.creating=!1,this.editing=e,this.form=qi(e),this.resetProblems(),await this.updateComplete,this.settingsDialog.show()}get limit(){let e=Math.floor(Number(this.pageSize));return Number.isFinite(e)?Math.min(100,Math.max(1,e)):20}async fetchPage(e,t=this.generation,i){let s=await this.api.roomsPage({maxItems:this.limit,nextPageToken:e?this.nextPageToken:void 0,roomName:this.search.trim()},i);if(t!==this.generation)return;let n=new Set(this.items.map(a=>a.roomId));this.items=e?[...this.items,...s.rooms.filter(a=>!n.has(a.roomId))]:s.rooms,this.nextPageToken=s.pagination.nextPageToken??"",this.phase="ready",this.announcement=this.countText(),this.emit("meet-rooms-loaded",{rooms:this.items,hasMore:!!this.nextPageToken})}async loadMore(){if(!(!this.nextPageToken||this.loadingMore)){this.loadingMore=!0;try{await this.fetchPage(!0)}catch(e){this.notice={kind:"error",message:this.report(e,"list-rooms")}}finally{this.loadingMore=!1}}}onSearch(e){this.search=e.target.value,clearTimeout(this.searchTimer),this.searchTimer=setTimeout(()=>{this.reload()},300)}countText(){let e=this.t,t=this.items.length;return this.nextPageToken?this.fill(e.roomsCountMore,{count:t}):t===1?e.roomsCountOne:this.fill(e.roomsCountMany,{count:t})}resetProblems(){this.errors={},this.formError="",this.notNumber=new Set,this.saving=!1}setField(e,t){this.form={...this.form,[e]:t};let i=e==="unit"?"maxDuration":e;if(this.errors[i]){let{[i]:s,...n}=this.errors;this.errors=n}}onNumber(e,t){let i=t.target,s=new Set(this.notNumber);i.validity.badInput?s.add(e):s.delete(e),this.notNumber=s,this.setField(e,i.value)}numberOf(e){let t=this.form[e].trim();if(this.notNumber.has(e))return;if(!t)return null;let i=Number(t);return Number.isFinite(i)?i:void 0}async submit(e){if(e.preventDefault(),this.saving)return;let t=this.t,i=this.form,s={},n=this.numberOf("maxDuration"),a=this.numberOf("retention");if(n===void 0&&(s.maxDuration={message:t.notANumber}),a===void 0&&(s.retention={message:t.notANumber}),typeof n=="number"&&i.unit==="minutes"&&(n=Math.round(n*60)),Object.keys(s).length)return this.showProblems(s,"");let c=this.editing,h={};if(c){let m=c.config.recording;if(i.enabled!==m.enabled&&(h.enabled=i.enabled),i.access!==m.allowAccessTo&&(h.allowAccessTo=i.access),(n??null)!==(m.maxDuration??null)&&(h.maxDuration=n??null),(a??null)!==(m.retentionDays??null)&&(h.retentionDays=a??null),!Object.keys(h).length){this.settingsDialog.close(),this.flash(t.noChanges);return}}else h.enabled=i.enabled,h.allowAccessTo=i.access,n!=null&&(h.maxDuration=n),a!=null&&(h.retentionDays=a);this.saving=!0,this.formError="",this.errors={};try{if(c){let m=await this.api.updateRoomRecording(c.roomId,h);this.replace(m),this.saving=!1,this.settingsDialog.close(),this.flash(this.fill(t.roomSaved,{name:m.roomName})),this.emit("meet-room-updated",{room:m,changes:h})}else{let m=await this.api.createRoom(i.name.trim(),h),u=this.search.trim().toLowerCase();(!u||m.roomName.toLowerCase().includes(u))&&(this.items=[m,...this.items.filter(f=>f.roomId!==m.roomId)],this.fresh=m.roomId,this.focusAfterClose=m.roomId,clearTimeout(this.freshTimer),this.freshTimer=setTimeout(()=>this.fresh="",4e3)),this.saving=!1,this.settingsDialog.close(),this.flash(this.fill(t.roomCreatedToast,{name:m.roomName})),this.emit("meet-room-created",{room:m})}}catch(m){this.saving=!1;let u=c?"update-room":"create-room",f=$t(m);if(m instanceof w&&m.status===404&&c){this.settingsDialog.close(),this.forget(c,this.report(m,u));return}if(!f.length){this.formError=this.report(m,u);return}this.report(m,u);let b=[];for(let $ of f){let _=Bi[$.field.split(".").pop()??""];_&&(_!=="name"||!c)?s[_]??={message:this.explain(_),server:$.message}:b.push(`${$.field}: ${$.message}`)}await this.showProblems(s,b.join(" "))}}explain(e){let t=this.t;switch(e){case"name":return t.invalidRoomName;case"maxDuration":return t.invalidMaxDuration;case"retention":return t.invalidRetention;case"access":return t.invalidAccess;default:return t.invalidField}}async showProblems(e,t){this.errors=e,this.formError=t?`${this.t.fixErrors} ${t}`:this.t.fixErrors,await this.updateComplete;let i=Ui.find(n=>e[n]);(i?this.renderRoot.querySelector(i==="access"?'input[name="access"]:checked':`#f-${i}`):null)?.focus(),i&&this.renderRoot.querySelector(`#e-${i}`)?.scrollIntoView({block:"nearest"})}onSettingsClosed(){this.editing=null,this.creating=!1,this.saving=!1;let e=this.focusAfterClose;this.focusAfterClose="",e&&this.updateComplete.then(()=>{this.renderRoot.querySelector(`li[data-room-id="${CSS.escape(e)}"] [part="edit-button"]`)?.focus()})}async copyLink(e,t){let i=this.t,s=t==="moderator"?e.moderatorUrl:e.speakerUrl;await le(s)?(this.notice=null,this.flash(this.fill(t==="moderator"?i.moderatorLinkCopied:i.speakerLinkCopied,{name:e.roomName})),this.emit("meet-link-copied",{roomId:e.roomId,role:t,url:s})):this.notice={kind:"warning",message:i.copyLinkByHand,link:s}}activityUrl(e){return this.activityHref.replaceAll("{roomId}",encodeURIComponent(e.roomId))}async askDelete(e){this.deleting=e,this.policy="fail",this.deleteError="",this.deleteBusy=!1,this.recordingCount=null,this.countMore=!1,this.counting=!0,await this.updateComplete,this.deleteDialog.show();try{let t=await this.api.listRecordings({roomId:e.roomId,maxItems:100});if(this.deleting?.roomId!==e.roomId)return;this.recordingCount=t.recordings.length,this.countMore=t.pagination.isTruncated}catch{this.recordingCount=null}finally{this.deleting?.roomId===e.roomId&&(this.counting=!1)}}async confirmDelete(){let e=this.deleting;if(!e||this.deleteBusy)return;let t=this.t,i=this.policy;this.deleteBusy=!0,this.deleteError="";try{let s=await this.api.deleteRoom(e.roomId,i);this.deleteBusy=!1,this.deleteDialog.close(),s.room?(this.replace(s.room),this.flash(this.fill(t.roomClosed,{name:e.roomName}))):(this.items=this.items.filter(n=>n.roomId!==e.roomId),this.flash(this.fill(i==="force"&&this.recordingCount!==0?t.roomDeletedWithRecordings:t.roomDeleted,{name:e.roomName}))),this.emit("meet-room-deleted",{roomId:e.roomId,roomName:e.roomName,withRecordings:i,room:s.room??null}),await this.updateComplete,s.room||this.heading?.focus()}catch(s){this.deleteBusy=!1,s instanceof w&&s.status===409?(this.report(s,"delete-room"),this.deleteError=this.fill(t.deleteRoomConflict,{name:e.roomName}),this.recordingCount===0&&(this.recordingCount=null)):s instanceof w&&s.status===404?(this.deleteDialog.close(),this.forget(e,this.fill(t.roomGone,{name:e.roomName})),this.report(s,"delete-room")):this.deleteError=this.report(s,"delete-room")}}onDeleteClosed(){this.deleting=null,this.deleteError=""}replace(e){this.items=this.items.map(t=>t.roomId===e.roomId?e:t)}forget(e,t){this.items=this.items.filter(i=>i.roomId!==e.roomId),this.notice={kind:"warning",message:t}}flash(e){this.toast=e,this.announcement=e;let t=this.toastEl;try{t&&!t.matches(":popover-open")&&t.showPopover()}catch{}clearTimeout(this.toastTimer),this.toastTimer=setTimeout(()=>{this.toast="";try{this.toastEl?.hidePopover()}catch{}},3500)}accessLabel(e){return this.t[`access_${e}`]??e}retentionText(e){let t=this.t;if(e===0)return t.retentionForever;if(typeof e=="number")return ie(e,this.locale);let i=this.defaultRetentionDays;return typeof i=="number"&&Number.isFinite(i)?this.fill(t.retentionDefaultIs,{value:i===0?t.retentionForever.toLowerCase():ie(i,this.locale)}):t.retentionDefault}renderTools(){let e=this.t,t=this.phase==="loading";return l`
      <div class="tools" part="toolbar">
        <label class="search">
          ${g("search")}
          <span class="sr-only">${e.roomsSearch}</span>
          <input type="search" part="search" placeholder=${e.roomsSearch} .value=${this.search} @input=${this.onSearch} />
        </label>
        <button class="icon" part="refresh-button" aria-label=${e.refresh} title=${e.refresh} ?disabled=${t} @click=${()=>this.reload()}>
          ${g("refresh")}
        </button>
        <button class="primary" part="new-room-button" @click=${()=>this.createRoom()}>${g("add")} ${e.newRoom}</button>
      </div>
    `}renderItem(e){let t=this.t,i=this.locale,s=e.config.recording,n=e.roomName;return l`
      <li class="item ${this.fresh===e.roomId?"fresh":""}" part="item" data-room-id=${e.roomId}>
        <div class="top">
          <div class="name-row">
            <h3 class="name" part="item-title">${n}</h3>
            <span class="badge s-${e.status}" part="item-status">
              ${t[`roomStatus_${e.status}`]??e.status}
            </span>
          </div>
          <div class="meta" part="item-meta">
            <span>${g("calendar")}${this.fill(t.roomCreatedOn,{date:P(e.creationDate,i)})}</span>
            <span title=${e.roomId}><span class="sr-only">${t.roomId}: </span><span class="mono">${e.roomId}</span></span>
          </div>
        </div>
        <dl class="settings" part="settings">
          <div>
            <dt>${t.settingRecording}</dt>
            <dd class=${s.enabled?"on":"off"}><span class="dot" aria-hidden="true"></span>${s.enabled?t.recordingOn:t.recordingOff}</dd>
          </div>
          <div>
            <dt>${t.settingAccess}</dt>
            <dd>${this.accessLabel(s.allowAccessTo)}</dd>
          </div>
          <div>
            <dt>${t.settingMaxDuration}</dt>
            <dd>${s.maxDuration?Le(s.maxDuration,i):t.noLimit}</dd>
          </div>
          <div>
            <dt>${t.settingRetention}</dt>
            <dd>${this.retentionText(s.retentionDays)}</dd>
          </div>
        </dl>
        <div class="actions" part="actions">
          <button part="edit-button" aria-label=${this.fill(t.editSettingsOf,{name:n})} @click=${()=>this.editRoom(e)}>
            ${g("tune")} ${t.editSettings}
          </button>
          <button part="copy-moderator-link" aria-label=${this.fill(t.copyModeratorLinkOf,{name:n})} @click=${()=>this.copyLink(e,"moderator")}>
            ${g("copy")} ${t.moderatorLink}
          </button>
          <button part="copy-speaker-link" aria-label=${this.fill(t.copySpeakerLinkOf,{name:n})} @click=${()=>this.copyLink(e,"speaker")}>
            ${g("copy")} ${t.speakerLink}
          </button>
          ${this.activityHref?l`<a class="btn" part="activity-link" href=${this.activityUrl(e)} aria-label=${this.fill(t.roomActivityOf,{name:n})}>
                ${g("history")} ${t.roomActivity}
              </a>`:p}
          <span class="spacer"></span>
          <button
            class="icon ghost danger-hover"
            part="delete-button"
            aria-label=${this.fill(t.deleteRoomOf,{name:n})}
            title=${t.delete}
            @click=${()=>this.askDelete(e)}
          >
            ${g("delete")}
          </button>
        </div>
      </li>
    `}renderSkeleton(){return l`
      <ul class="list" aria-hidden="true">
        ${[0,1,2].map(()=>l`<li class="item skel">
            <span class="skeleton line"></span>
            <span class="skeleton line narrow"></span>
            <span class="boxes"><span class="skeleton"></span><span class="skeleton"></span><span class="skeleton"></span><span class="skeleton"></span></span>
          </li>`)}
      </ul>
    `}renderBody(){let e=this.t;return this.phase==="loading"||this.phase==="idle"?l`<div role="status" class="sr-only">${e.roomsLoading}</div>
        ${this.renderSkeleton()}`:this.phase==="forbidden"?l`<div class="state forbidden" part="forbidden" role="alert">
        <div class="big">${g("lock")}</div>
        <h3>${this.failure}</h3>
      </div>`:this.phase==="error"?l`<div class="state error" part="error" role="alert">
        <div class="big">${g("error")}</div>
        <h3>${e.errorTitle}</h3>
        <p>${this.failure}</p>
        <button class="primary" @click=${()=>this.reload()}>${g("refresh")} ${e.retry}</button>
      </div>`:this.items.length?l`
      <ul class="list" part="list" aria-label=${e.roomsTitle}>
        ${Oe(this.items,t=>t.roomId,t=>this.renderItem(t))}
      </ul>
      ${this.nextPageToken?l`<div class="more">
            <button part="load-more" @click=${this.loadMore} ?disabled=${this.loadingMore}>
              ${this.loadingMore?l`<span class="spinner" aria-hidden="true"></span>${e.loadingMore}`:e.loadMore}
            </button>
          </div>`:p}
    `:this.search.trim()?l`<div class="state" part="empty">
            <div class="big">${g("filter")}</div>
            <h3>${e.roomsEmptyFilteredTitle}</h3>
            <p>${this.fill(e.roomsEmptyFiltered,{search:this.search.trim()})}</p>
          </div>`:l`<div class="state" part="empty">
            <div class="big">${g("room")}</div>
            <h3>${e.roomsEmptyTitle}</h3>
            <p>${e.roomsEmpty}</p>
            <button class="primary" @click=${()=>this.createRoom()}>${g("add")} ${e.newRoom}</button>
          </div>`}renderNotice(){let e=this.notice;return e?l`<div class="notice ${e.kind}" part="notice" role="alert">
      ${g(e.kind==="success"?"check":"warning")}
      <div class="grow">
        <p>${e.message}</p>
        ${e.link?l`<span class="link mono">${e.link}</span>`:p}
      </div>
      <button class="icon ghost" aria-label=${this.t.close} @click=${()=>this.notice=null}>${g("close")}</button>
    </div>`:p}fieldError(e){let t=this.errors[e];return t?l`<p class="field-error" id="e-${e}" part="field-error">
      ${g("error")}
      <span>
        ${t.message}
        ${t.server?l`<span class="server">${this.fill(this.t.serverSaid,{message:t.server})}</span>`:p}
      </span>
    </p>`:p}describedBy(e,t=!0){return[t?`h-${e}`:"",this.errors[e]?`e-${e}`:""].filter(Boolean).join(" ")}renderSettingsDialog(){let e=this.t,t=this.form,i=this.creating,s=this.editing,n=h=>this.errors[h]?"true":"false",a=this.defaultRetentionDays,c=typeof a=="number"&&Number.isFinite(a)?this.fill(e.retentionHintDefault,{value:a===0?e.retentionForever.toLowerCase():ie(a,this.locale)}):e.retentionHint;return l`
      <meet-dialog
        class="settings"
        size="md"
        keep-open
        theme=${this.theme}
        .heading=${i?e.createRoomTitle:s?this.fill(e.editRoomTitle,{name:s.roomName}):""}
        .closeLabel=${e.close}
        exportparts=${ei}
        @meet-dialog-close=${this.onSettingsClosed}
      >
        ${i||s?l`<form id="room-form" part="settings-form" novalidate @submit=${this.submit}>
              ${this.formError?l`<div class="notice error" role="alert" part="form-error">${g("warning")}<p>${this.formError}</p></div>`:p}
              ${i?l`<div class="field">
                    <label for="f-name">${e.roomName}</label>
                    <input
                      id="f-name"
                      type="text"
                      part="room-name"
                      autocomplete="off"
                      maxlength="200"
                      required
                      data-autofocus
                      aria-invalid=${n("name")}
                      aria-describedby=${this.describedBy("name",!1)||p}
                      .value=${j(t.name)}
                      @input=${h=>this.setField("name",h.target.value)}
                    />
                    ${this.fieldError("name")}
                  </div>`:p}
              <div class="field">
                <label class="check">
                  <input
                    id="f-enabled"
                    type="checkbox"
                    part="recording-enabled"
                    aria-labelledby="l-enabled"
                    aria-invalid=${n("enabled")}
                    aria-describedby=${this.describedBy("enabled")}
                    .checked=${j(t.enabled)}
                    @change=${h=>this.setField("enabled",h.target.checked)}
                  />
                  <span class="text">
                    <strong id="l-enabled">${e.recordingEnabled}</strong>
                    <small id="h-enabled">${e.recordingEnabledHint}</small>
                  </span>
                </label>
                ${this.fieldError("enabled")}
              </div>
              <fieldset part="access" aria-describedby=${this.errors.access?"e-access":p}>
                <legend>${e.settingAccess}</legend>
                ${bt.map(h=>l`<label class="choice">
                    <input
                      type="radio"
                      name="access"
                      value=${h}
                      aria-labelledby="l-access-${h}"
                      aria-describedby="h-access-${h}"
                      .checked=${j(t.access===h)}
                      @change=${()=>this.setField("access",h)}
                    />
                    <span class="text">
                      <strong id="l-access-${h}">${this.accessLabel(h)}</strong>
                      <small id="h-access-${h}">${e[`access_${h}_hint`]??""}</small>
                    </span>
                  </label>`)}
                ${this.fieldError("access")}
              </fieldset>
              <div class="two">
                <div class="field">
                  <label for="f-maxDuration">${e.settingMaxDuration}</label>
                  <div class="inline">
                    <input
                      id="f-maxDuration"
                      type="number"
                      part="max-duration"
                      inputmode="numeric"
                      min="1"
                      step="1"
                      placeholder=${e.noLimit}
                      aria-invalid=${n("maxDuration")}
                      aria-describedby=${this.describedBy("maxDuration")}
                      .value=${j(t.maxDuration)}
                      @input=${h=>this.onNumber("maxDuration",h)}
                    />
                    <select
                      part="max-duration-unit"
                      aria-label=${e.durationUnit}
                      @change=${h=>this.setField("unit",h.target.value)}
                    >
                      <option value="minutes" ?selected=${t.unit==="minutes"}>${e.unitMinutes}</option>
                      <option value="seconds" ?selected=${t.unit==="seconds"}>${e.unitSeconds}</option>
                    </select>
                  </div>
                  <p class="hint" id="h-maxDuration">${e.maxDurationHint}</p>
                  ${this.fieldError("maxDuration")}
                </div>
                <div class="field">
                  <label for="f-retention">${e.retentionLabel}</label>
                  <input
                    id="f-retention"
                    type="number"
                    part="retention"
                    inputmode="numeric"
                    min="0"
                    step="1"
                    placeholder=${e.retentionDefault}
                    aria-invalid=${n("retention")}
                    aria-describedby=${this.describedBy("retention")}
                    .value=${j(t.retention)}
                    @input=${h=>this.onNumber("retention",h)}
                  />
                  <p class="hint" id="h-retention">${c}</p>
                  ${this.fieldError("retention")}
                </div>
              </div>
            </form>`:p}
        <button slot="footer" type="button" @click=${()=>this.settingsDialog.close()} ?disabled=${this.saving}>${e.cancel}</button>
        <button slot="footer" type="submit" form="room-form" class="primary" part="save-button" ?disabled=${this.saving}>
          ${this.saving?l`<span class="spinner" aria-hidden="true"></span>${i?e.creating:e.saving}`:i?l`${g("add")} ${e.createRoom}`:l`${g("check")} ${e.save}`}
        </button>
      </meet-dialog>
    `}renderDeleteDialog(){let e=this.t,t=this.deleting,i=this.recordingCount,s="";this.counting?s=e.deleteRoomCounting:i===0?s=e.deleteRoomNone:i===1&&!this.countMore?s=e.deleteRoomOne:i!==null&&(s=this.fill(this.countMore?e.deleteRoomMore:e.deleteRoomMany,{count:i}));let n=this.policy==="force";return l`
      <meet-dialog
        class="delete"
        size="md"
        alert
        theme=${this.theme}
        .heading=${t?this.fill(e.deleteRoomTitle,{name:t.roomName}):""}
        .closeLabel=${e.close}
        exportparts=${ei}
        @meet-dialog-close=${this.onDeleteClosed}
      >
        ${t?l`<div class="confirm-body">
              ${s?l`<p class="count-line" part="recording-count">
                    ${this.counting?l`<span class="spinner" aria-hidden="true"></span>`:g("library")} ${s}
                  </p>`:p}
              <fieldset part="policy">
                <legend>${e.deletePolicyLegend}</legend>
                ${Hi.map(a=>l`<label class="choice ${a==="force"?"danger":""}">
                    <input
                      type="radio"
                      name="policy"
                      value=${a}
                      aria-labelledby="l-policy-${a}"
                      aria-describedby="h-policy-${a}"
                      .checked=${j(this.policy===a)}
                      @change=${()=>{this.policy=a}}
                    />
                    <span class="text">
                      <strong id="l-policy-${a}">${e[`policy_${a}`]}</strong>
                      <small id="h-policy-${a}">${e[`policy_${a}_hint`]}</small>
                    </span>
                  </label>`)}
              </fieldset>
              ${this.deleteError?l`<div class="notice error" role="alert" part="delete-error">
                    ${g("warning")}
                    <p>${this.deleteError}</p>
                  </div>`:p}
            </div>`:p}
        <button slot="footer" data-autofocus @click=${()=>this.deleteDialog.close()} ?disabled=${this.deleteBusy}>${e.cancel}</button>
        <button slot="footer" class="danger" part="confirm-delete" @click=${this.confirmDelete} ?disabled=${this.deleteBusy}>
          ${this.deleteBusy?l`<span class="spinner" aria-hidden="true"></span>${e.deleting}`:l`${g("delete")} ${n?e.deleteRoomForceConfirm:e.deleteRoomConfirm}`}
        </button>
      </meet-dialog>
    `}render(){let e=this.t;return l`
      <section class="root" part="container" aria-busy=${this.phase==="loading"?"true":"false"}>
        <div class="head" part="header">
          <div class="title">
            <h2 part="title" tabindex="-1">${e.roomsTitle}</h2>
            ${this.phase==="ready"?l`<span class="count" part="count">${this.countText()}</span>`:p}
          </div>
          ${this.phase==="forbidden"?p:this.renderTools()}
        </div>
        ${this.renderNotice()} ${this.renderBody()}
        <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      </section>
      <div class="toast" part="toast" popover="manual" aria-hidden="true">${g("check")}${this.toast}</div>
      ${this.renderSettingsDialog()} ${this.renderDeleteDialog()}
    `}};x.styles=[N,z,Me,Yt,S`
      ul.list {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 10px;
      }
      li.item {
        display: grid;
        gap: 12px;
        padding: 14px 16px;
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        transition: border-color 0.15s;
      }
      li.item:hover {
        border-color: color-mix(in srgb, var(--_text) 22%, var(--_border));
      }
      li.item.fresh {
        border-color: var(--_accent);
        box-shadow: 0 0 0 1px var(--_accent);
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        gap: 4px 16px;
        min-width: 0;
      }
      .name-row {
        display: flex;
        align-items: center;
        gap: 10px;
        min-width: 0;
      }
      h3.name {
        margin: 0;
        font-size: 1.05em;
        font-weight: 700;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        min-width: 0;
      }
      .badge.s-open {
        --_badge: var(--_success);
      }
      .badge.s-closed {
        --_badge: var(--_muted);
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 2px 14px;
        color: var(--_muted);
        font-size: 0.88em;
        min-width: 0;
      }
      .meta span {
        display: inline-flex;
        align-items: center;
        gap: 5px;
        min-width: 0;
      }
      .meta .mono {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .meta svg.icon {
        width: 15px;
        height: 15px;
      }
      dl.settings {
        margin: 0;
        display: grid;
        grid-template-columns: repeat(4, minmax(0, 1fr));
        gap: 8px;
      }
      dl.settings > div {
        padding: 8px 12px;
        border-radius: var(--_radius-sm);
        background: var(--_surface-2);
        min-width: 0;
      }
      dt {
        color: var(--_muted);
        font-size: 0.8em;
        font-weight: 600;
      }
      dd {
        margin: 2px 0 0;
        font-weight: 650;
        font-size: 0.94em;
        display: flex;
        align-items: center;
        gap: 6px;
      }
      dd.off {
        color: var(--_warning);
      }
      dd .dot {
        width: 8px;
        height: 8px;
        border-radius: 50%;
        background: currentColor;
        flex: none;
      }
      dd.on .dot {
        color: var(--_success);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        align-items: center;
      }
      .actions .spacer {
        flex: 1;
      }
      .actions button:not(.icon),
      .actions a.btn {
        min-height: 36px;
        padding: 0 0.8em;
      }
      .notice .link {
        display: block;
        margin-top: 6px;
        word-break: break-all;
      }
      p.count-line {
        margin: 0 0 16px;
        display: flex;
        gap: 8px;
        align-items: center;
        color: var(--_muted);
      }
      .confirm-body {
        display: grid;
        gap: 16px;
      }
      .skel {
        display: grid;
        gap: 12px;
      }
      .skel .line {
        height: 14px;
        width: 40%;
      }
      .skel .line.narrow {
        width: 25%;
        height: 11px;
      }
      .skel .boxes {
        display: grid;
        grid-template-columns: repeat(4, 1fr);
        gap: 8px;
      }
      .skel .boxes span {
        height: 44px;
      }
      @container (max-width: 760px) {
        dl.settings {
          grid-template-columns: repeat(2, minmax(0, 1fr));
        }
      }
      @container (max-width: 440px) {
        li.item {
          padding: 12px;
        }
        .actions > button:not(.icon),
        .actions > a.btn {
          flex: 1 1 40%;
        }
        .actions .spacer {
          display: none;
        }
      }
    `],d([y({attribute:"page-size",type:Number,reflect:!0})],x.prototype,"pageSize",2),d([y({attribute:"default-retention-days",type:Number,reflect:!0})],x.prototype,"defaultRetentionDays",2),d([y({attribute:"activity-href",reflect:!0})],x.prototype,"activityHref",2),d([v()],x.prototype,"items",2),d([v()],x.prototype,"nextPageToken",2),d([v()],x.prototype,"phase",2),d([v()],x.prototype,"loadingMore",2),d([v()],x.prototype,"failure",2),d([v()],x.prototype,"search",2),d([v()],x.prototype,"notice",2),d([v()],x.prototype,"announcement",2),d([v()],x.prototype,"toast",2),d([v()],x.prototype,"fresh",2),d([v()],x.prototype,"editing",2),d([v()],x.prototype,"creating",2),d([v()],x.prototype,"form",2),d([v()],x.prototype,"notNumber",2),d([v()],x.prototype,"errors",2),d([v()],x.prototype,"formError",2),d([v()],x.prototype,"saving",2),d([v()],x.prototype,"deleting",2),d([v()],x.prototype,"policy",2),d([v()],x.prototype,"recordingCount",2),d([v()],x.prototype,"countMore",2),d([v()],x.prototype,"counting",2),d([v()],x.prototype,"deleteBusy",2),d([v()],x.prototype,"deleteError",2),d([T("meet-dialog.settings")],x.prototype,"settingsDialog",2),d([T("meet-dialog.delete")],x.prototype,"deleteDialog",2),d([T("h2")],x.prototype,"heading",2),d([T(".toast")],x.prototype,"toastEl",2),x=d([D("meet-rooms")],x);function ti(){return{name:"",enabled:!0,access:"admin_moderator_speaker",maxDuration:"",unit:"minutes",retention:""}}function qi(o){let r=o.config.recording,e=r.maxDuration??null,t=e!==null&&e%60===0;return{name:o.roomName,enabled:r.enabled,access:r.allowAccessTo,maxDuration:e===null?"":String(t?e/60:e),unit:e===null||t?"minutes":"seconds",retention:r.retentionDays===null||r.retentionDays===void 0?"":String(r.retentionDays)}}var Vi={start:"record",stop:"stop",play:"play",download:"download",zip:"zip",share_link_created:"share",secrets_rotated:"link",delete:"delete",room_created:"add",room_config_changed:"tune",room_deleted:"delete",token_issued:"key",retention_delete:"history"},ji={start:"rec",stop:"rec",play:"view",download:"view",zip:"view",share_link_created:"share",secrets_rotated:"share",token_issued:"share",delete:"gone",room_deleted:"gone",retention_delete:"gone",room_created:"room",room_config_changed:"room"},Ki={api_key:"key",admin:"shield",member:"person",share_secret:"link",media_link:"link",system:"robot",anonymous:"person"},E=class extends M{constructor(){super(...arguments);this.roomId="";this.recordingId="";this.action="";this.actorKind="";this.pageSize=50;this.entries=[];this.nextPageToken="";this.phase="idle";this.loadingMore=!1;this.failure="";this.moreError="";this.roomNames=new Map;this.announcement="";this.recordingDraft="";this.abort=null;this.generation=0;this.roomsLoaded=!1}connectedCallback(){super.connectedCallback(),this.hasUpdated&&this.reload()}disconnectedCallback(){super.disconnectedCallback(),this.generation++,this.abort?.abort(),clearTimeout(this.draftTimer)}willUpdate(e){e.has("recordingId")&&(this.recordingDraft=this.recordingId)}updated(e){(e.has("roomId")||e.has("recordingId")||e.has("action")||e.has("actorKind")||e.has("pageSize")||e.has("baseUrl")||e.has("token")&&!this.tokenRenewed(e))&&this.reload()}get filters(){return{roomId:this.roomId,recordingId:this.recordingId,action:this.action,actorKind:this.actorKind}}async reload(){let e=++this.generation;this.abort?.abort();let t=this.abort=new AbortController;this.phase="loading",this.failure="",this.moreError="",this.entries=[],this.nextPageToken="",this.roomsLoaded||this.loadRooms();try{await this.fetchPage(!1,e,t.signal)}catch(i){if(e!==this.generation||i?.name==="AbortError")return;i instanceof w&&(i.status===403||i.status===401)?(this.phase="forbidden",this.failure=this.report(i,"list-activity",this.t.forbiddenActivity)):(this.phase="error",this.failure=this.report(i,"list-activity"))}}get limit(){let e=Math.floor(Number(this.pageSize));return Number.isFinite(e)?Math.min(100,Math.max(1,e)):50}async fetchPage(e,t=this.generation,i){let s=await this.api.audit({maxItems:this.limit,nextPageToken:e?this.nextPageToken:void 0,roomId:this.roomId.trim(),recordingId:this.recordingId.trim(),action:this.action.trim(),actorKind:this.actorKind.trim()},i);if(t!==this.generation)return;let n=new Set(this.entries.map(a=>a.id));this.entries=e?[...this.entries,...s.entries.filter(a=>!n.has(a.id))]:s.entries,this.nextPageToken=s.pagination.nextPageToken??"",this.phase="ready",this.learnNames(s.entries),this.announcement=this.countText(),this.emit("meet-activity-loaded",{entries:this.entries,hasMore:!!this.nextPageToken})}async loadMore(){if(!(!this.nextPageToken||this.loadingMore)){this.loadingMore=!0,this.moreError="";try{await this.fetchPage(!0)}catch(e){this.moreError=this.report(e,"list-activity")}finally{this.loadingMore=!1}}}async loadRooms(){this.roomsLoaded=!0;try{let{rooms:e}=await this.api.listRooms(),t=new Map(this.roomNames);for(let i of e)t.set(i.roomId,i.roomName);this.roomNames=t}catch{this.roomsLoaded=!1}}learnNames(e){let t=null;for(let i of e){let s=i.details?.roomName;i.roomId&&typeof s=="string"&&!this.roomNames.has(i.roomId)&&(t??=new Map(this.roomNames),t.set(i.roomId,s))}t&&(this.roomNames=t)}setFilters(e){Object.assign(this,e),this.emit("meet-activity-filters-changed",{...this.filters,...e})}onRecordingInput(e){this.recordingDraft=e.target.value,clearTimeout(this.draftTimer),this.draftTimer=setTimeout(()=>this.applyRecordingDraft(),500)}applyRecordingDraft(){clearTimeout(this.draftTimer);let e=this.recordingDraft.trim();e!==this.recordingId&&this.setFilters({recordingId:e})}clearFilters(){clearTimeout(this.draftTimer),this.recordingDraft="",this.setFilters({roomId:"",recordingId:"",action:"",actorKind:""})}get filtered(){return!!(this.roomId||this.recordingId||this.action||this.actorKind)}word(e,t){return this.t[`${e}${t}`]??t}roomName(e){return this.roomNames.get(e)??e}countText(){let e=this.t,t=this.entries.length;return this.nextPageToken?this.fill(e.activityCountMore,{count:t}):t===1?e.activityCountOne:this.fill(e.activityCountMany,{count:t})}settingValue(e,t){let i=this.t,s=this.locale;switch(e){case"enabled":return t?i.recordingOn:i.recordingOff;case"allowAccessTo":return this.word("access_",String(t));case"maxDuration":return typeof t=="number"?Le(t,s):i.noLimit;case"retentionDays":return t===0?i.retentionForever:typeof t=="number"?ie(t,s):i.retentionDefault;default:return typeof t=="string"?t:JSON.stringify(t)}}detailsOf(e){let t=this.t,i=this.locale,s=e.details;if(!s||typeof s!="object"||Array.isArray(s))return s==null?[]:[String(typeof s=="object"?JSON.stringify(s):s)];let n=s,a=[],c=new Set,h=m=>(c.add(m),n[m]);switch(h("roomName"),e.action){case"room_config_changed":{let m=h("recording");if(m&&typeof m=="object"){let u={enabled:t.settingRecording,allowAccessTo:t.settingAccess,maxDuration:t.settingMaxDuration,retentionDays:t.settingRetention};for(let[f,b]of Object.entries(m))f==="layout"?a.push(this.fill(t.detail_layout,{value:String(b)})):f==="encoding"?a.push(this.fill(t.detail_encoding,{value:this.settingValue(f,b)})):a.push(this.fill(t.detail_setting,{setting:u[f]??f,value:this.settingValue(f,b)}))}break}case"room_deleted":{let m=h("withRecordings");typeof m=="string"&&a.push(this.word("detail_policy_",m));break}case"share_link_created":{let m=h("access");(m==="public"||m==="private")&&a.push(this.word("detail_",m));let u=h("expiresAt");typeof u=="number"&&a.push(this.fill(t.detail_expires,{date:P(u,i)}));break}case"zip":{let m=h("recordingIds");Array.isArray(m)&&a.push(this.fill(t.detail_recordings,{count:m.length}));let u=h("bytes");typeof u=="number"&&a.push(K(u,i));break}case"delete":h("bulk")&&a.push(t.detail_bulk);break;case"token_issued":{let m=h("role");typeof m=="string"&&a.push(this.fill(t.detail_role,{role:this.word("role_",m)}));let u=h("name");typeof u=="string"&&u&&a.push(this.fill(t.detail_name,{name:u})),h("identity"),h("refresh")===!0&&a.push(t.detail_refreshed),h("via")==="room page"&&a.push(t.detail_roomPage);break}case"retention_delete":{let m=h("retentionDays");typeof m=="number"&&a.push(this.fill(t.detail_olderThan,{days:ie(m,i)}));let u=h("startDate");typeof u=="number"&&a.push(this.fill(t.detail_recorded,{date:P(u,i)}));break}}for(let[m,u]of Object.entries(n))c.has(m)||u===null||u===void 0||a.push(`${m}: ${typeof u=="object"?JSON.stringify(u):String(u)}`);return a}groups(){let e=this.t,t=De(Date.now()),i=De(Date.now()-864e5),s=[];for(let n of this.entries){let a=De(n.at),c=s[s.length-1];if(!c||c.key!==a){let h=a===t?e.today:a===i?e.yesterday:jt(n.at,this.locale);c={key:a,label:h,entries:[]},s.push(c)}c.entries.push(n)}return s}renderTools(){let e=this.t,t=[...yt];this.action&&!t.includes(this.action)&&t.push(this.action);let i=[...xt];this.actorKind&&!i.includes(this.actorKind)&&i.push(this.actorKind);let s=[...this.roomNames.entries()].sort((n,a)=>n[1].localeCompare(a[1],this.locale));return this.roomId&&!this.roomNames.has(this.roomId)&&s.unshift([this.roomId,this.roomId]),l`
      <div class="tools" part="toolbar">
        <select part="action-filter" aria-label=${e.filterAction} @change=${n=>this.setFilters({action:n.target.value})}>
          <option value="" ?selected=${!this.action}>${e.allActions}</option>
          ${t.map(n=>l`<option value=${n} ?selected=${this.action===n}>${this.word("action_",n)}</option>`)}
        </select>
        <select part="actor-filter" aria-label=${e.filterActor} @change=${n=>this.setFilters({actorKind:n.target.value})}>
          <option value="" ?selected=${!this.actorKind}>${e.allActors}</option>
          ${i.map(n=>l`<option value=${n} ?selected=${this.actorKind===n}>${this.word("actor_",n)}</option>`)}
        </select>
        <select part="room-filter" aria-label=${e.roomFilter} @change=${n=>this.setFilters({roomId:n.target.value})}>
          <option value="" ?selected=${!this.roomId}>${e.allRooms}</option>
          ${s.map(([n,a])=>l`<option value=${n} ?selected=${this.roomId===n}>${a}</option>`)}
        </select>
        <label class="search">
          ${g("search")}
          <span class="sr-only">${e.filterRecording}</span>
          <input
            type="search"
            part="recording-filter"
            placeholder=${e.filterRecording}
            spellcheck="false"
            autocomplete="off"
            .value=${j(this.recordingDraft)}
            @input=${this.onRecordingInput}
            @change=${this.applyRecordingDraft}
          />
        </label>
        ${this.filtered?l`<button class="ghost" part="clear-filters" @click=${this.clearFilters}>${g("close")} ${e.clearFilters}</button>`:p}
        <button class="icon" part="refresh-button" aria-label=${e.refresh} title=${e.refresh} ?disabled=${this.phase==="loading"} @click=${()=>this.reload()}>
          ${g("refresh")}
        </button>
      </div>
    `}renderEntry(e){let t=this.t,i=this.locale,s=this.detailsOf(e),n=e.roomId?this.roomName(e.roomId):"",a=new Date(e.at).toISOString();return l`
      <li class="entry" part="entry" data-action=${e.action}>
        <span class="glyph k-${ji[e.action]??"other"}" aria-hidden="true">${g(Vi[e.action]??"info")}</span>
        <div class="body">
          <div class="line">
            <span class="what" part="entry-action">${this.word("action_",e.action)}</span>
            <time part="entry-time" datetime=${a} title=${P(e.at,i)}>${Kt(e.at,i)}</time>
          </div>
          <div class="who" part="entry-actor">
            <span>
              ${g(Ki[e.actorKind]??"person")}
              <span class="sr-only">${t.filterActor}: </span>${this.word("actor_",e.actorKind)}
              ${e.actorName?l`<strong>${e.actorName}</strong>`:p}
              ${e.actorRole?l`<span>(${this.word("role_",e.actorRole)})</span>`:p}
            </span>
          </div>
          ${e.roomId||e.recordingId?l`<div class="targets" part="entry-target">
                ${e.roomId?l`<span>
                      ${g("room")}<span class="sr-only">${t.entryRoom}: </span>
                      ${this.roomId===e.roomId?l`<span class="target-text" title=${e.roomId}>${n}</span>`:l`<button
                            class="linkish"
                            part="entry-room"
                            title=${e.roomId}
                            aria-label=${this.fill(t.filterByRoom,{name:n})}
                            @click=${()=>this.setFilters({roomId:e.roomId??""})}
                          >
                            ${n}
                          </button>`}
                    </span>`:p}
                ${e.recordingId?l`<span>
                      ${g("library")}<span class="sr-only">${t.entryRecording}: </span>
                      ${this.recordingId===e.recordingId?l`<span class="target-text mono" title=${e.recordingId}>${e.recordingId}</span>`:l`<button
                            class="linkish mono"
                            part="entry-recording"
                            title=${e.recordingId}
                            aria-label=${this.fill(t.filterByRecording,{id:e.recordingId})}
                            @click=${()=>this.setFilters({recordingId:e.recordingId??""})}
                          >
                            ${e.recordingId}
                          </button>`}
                    </span>`:p}
              </div>`:p}
          ${s.length?l`<ul class="details" part="entry-details">
                ${s.map(c=>l`<li>${c}</li>`)}
              </ul>`:p}
          ${e.client||e.requestId?l`<details class="tech" part="entry-more">
                <summary>${t.entryMore}</summary>
                <dl>
                  <dt>${t.entryId}</dt>
                  <dd>${e.id} · ${P(e.at,i)}</dd>
                  ${e.client?l`<dt>${t.entryClient}</dt><dd class="mono">${e.client}</dd>`:p}
                  ${e.requestId?l`<dt>${t.entryRequest}</dt><dd class="mono">${e.requestId}</dd>`:p}
                </dl>
              </details>`:p}
        </div>
      </li>
    `}renderSkeleton(){return l`<div class="days skel" aria-hidden="true">
      <ol>
        ${[0,1,2,3].map(()=>l`<li class="entry">
            <span class="glyph skeleton"></span>
            <span class="body"><span class="skeleton line-a"></span><span class="skeleton line-b"></span></span>
          </li>`)}
      </ol>
    </div>`}renderBody(){let e=this.t;return this.phase==="loading"||this.phase==="idle"?l`<div role="status" class="sr-only">${e.activityLoading}</div>
        ${this.renderSkeleton()}`:this.phase==="forbidden"?l`<div class="state forbidden" part="forbidden" role="alert">
        <div class="big">${g("lock")}</div>
        <h3>${this.failure}</h3>
      </div>`:this.phase==="error"?l`<div class="state error" part="error" role="alert">
        <div class="big">${g("error")}</div>
        <h3>${e.errorTitle}</h3>
        <p>${this.failure}</p>
        <button class="primary" @click=${()=>this.reload()}>${g("refresh")} ${e.retry}</button>
        ${this.filtered?l`<button @click=${this.clearFilters}>${e.clearFilters}</button>`:p}
      </div>`:this.entries.length?l`
      <div class="days" part="list">
        ${this.groups().map((t,i)=>l`<section class="day" part="day" aria-labelledby="day-${i}">
            <h3 class="day-title" part="day-title" id="day-${i}">${t.label}</h3>
            <ol aria-labelledby="day-${i}">
              ${t.entries.map(s=>this.renderEntry(s))}
            </ol>
          </section>`)}
      </div>
      ${this.moreError?l`<div class="notice error" role="alert">${g("warning")}<p>${this.moreError}</p></div>`:p}
      ${this.nextPageToken?l`<div class="more">
            <button part="load-more" @click=${this.loadMore} ?disabled=${this.loadingMore}>
              ${this.loadingMore?l`<span class="spinner" aria-hidden="true"></span>${e.loadingMore}`:e.loadMore}
            </button>
          </div>`:p}
    `:this.filtered?l`<div class="state" part="empty">
            <div class="big">${g("filter")}</div>
            <h3>${e.activityEmptyFilteredTitle}</h3>
            <p>${e.activityEmptyFiltered}</p>
            <button @click=${this.clearFilters}>${e.clearFilters}</button>
          </div>`:l`<div class="state" part="empty">
            <div class="big">${g("history")}</div>
            <h3>${e.activityEmptyTitle}</h3>
            <p>${e.activityEmpty}</p>
          </div>`}render(){let e=this.t;return l`
      <section class="root" part="container" aria-busy=${this.phase==="loading"?"true":"false"}>
        <div class="head" part="header">
          <div class="title">
            <h2 part="title" tabindex="-1">${e.activityTitle}</h2>
            ${this.phase==="ready"?l`<span class="count" part="count">${this.countText()}</span>`:p}
          </div>
          ${this.phase==="forbidden"?p:this.renderTools()}
        </div>
        ${this.renderBody()}
        <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      </section>
    `}};E.styles=[N,z,Me,S`
      .tools select {
        max-width: 16em;
      }
      .tools .search input {
        width: 13em;
      }
      @container (max-width: 760px) {
        .tools select {
          max-width: none;
        }
        .tools .search input {
          width: 100%;
        }
        .tools > .search {
          flex: 1 1 180px;
        }
      }
      .days {
        display: grid;
        gap: 18px;
      }
      section.day {
        display: grid;
        gap: 8px;
      }
      h3.day-title {
        margin: 0;
        font-size: 0.82em;
        font-weight: 700;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: var(--_muted);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        overflow: hidden;
      }
      li.entry {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        gap: 4px 14px;
        padding: 12px 16px;
      }
      li.entry + li.entry {
        border-top: 1px solid var(--_border);
      }
      .glyph {
        width: 34px;
        height: 34px;
        border-radius: 50%;
        display: grid;
        place-items: center;
        color: var(--_k, var(--_accent));
        background: color-mix(in srgb, var(--_k, var(--_accent)) 12%, var(--_surface));
        margin-top: 2px;
      }
      .glyph svg.icon {
        width: 18px;
        height: 18px;
      }
      .k-rec {
        --_k: var(--_recording);
      }
      .k-gone {
        --_k: var(--_danger);
      }
      .k-room {
        --_k: var(--_success);
      }
      .k-share {
        --_k: var(--_warning);
      }
      .body {
        display: grid;
        gap: 3px;
        min-width: 0;
      }
      .line {
        display: flex;
        align-items: baseline;
        justify-content: space-between;
        gap: 4px 12px;
        flex-wrap: wrap;
      }
      .what {
        font-weight: 680;
      }
      time {
        color: var(--_muted);
        font-size: 0.88em;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .who,
      .targets {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 2px 12px;
        color: var(--_muted);
        font-size: 0.9em;
        min-width: 0;
      }
      .who > span,
      .targets > span {
        display: inline-flex;
        align-items: center;
        gap: 5px;
        min-width: 0;
      }
      .who strong {
        color: var(--_text);
        font-weight: 600;
      }
      .who svg.icon,
      .targets svg.icon {
        width: 15px;
        height: 15px;
      }
      button.linkish {
        font: inherit;
        min-height: 0;
        padding: 0;
        border: 0;
        background: none;
        color: var(--_accent);
        text-decoration: underline;
        text-underline-offset: 2px;
        font-weight: 500;
        cursor: pointer;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        max-width: 100%;
        display: inline-block;
      }
      button.linkish:hover:not(:disabled) {
        background: none;
        text-decoration-thickness: 2px;
      }
      .target-text {
        color: var(--_text);
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .targets .mono {
        max-width: 28ch;
      }
      ul.details {
        list-style: none;
        margin: 4px 0 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
      ul.details li {
        padding: 2px 9px;
        border-radius: 999px;
        background: var(--_surface-2);
        font-size: 0.85em;
        overflow-wrap: anywhere;
      }
      details.tech {
        font-size: 0.85em;
        color: var(--_muted);
        margin-top: 2px;
      }
      details.tech summary {
        cursor: pointer;
        width: max-content;
        max-width: 100%;
      }
      details.tech dl {
        margin: 6px 0 0;
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        gap: 2px 12px;
      }
      details.tech dt {
        font-weight: 600;
      }
      details.tech dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .skel li.entry {
        align-items: center;
      }
      .skel .line-a {
        display: block;
        height: 14px;
        width: 45%;
      }
      .skel .line-b {
        display: block;
        height: 11px;
        width: 30%;
        margin-top: 6px;
      }
      @container (max-width: 440px) {
        li.entry {
          padding: 10px 12px;
          gap: 4px 10px;
        }
        .glyph {
          width: 28px;
          height: 28px;
        }
        .targets .mono {
          max-width: 20ch;
        }
      }
    `],d([y({attribute:"room-id",reflect:!0})],E.prototype,"roomId",2),d([y({attribute:"recording-id",reflect:!0})],E.prototype,"recordingId",2),d([y({reflect:!0})],E.prototype,"action",2),d([y({attribute:"actor-kind",reflect:!0})],E.prototype,"actorKind",2),d([y({attribute:"page-size",type:Number,reflect:!0})],E.prototype,"pageSize",2),d([v()],E.prototype,"entries",2),d([v()],E.prototype,"nextPageToken",2),d([v()],E.prototype,"phase",2),d([v()],E.prototype,"loadingMore",2),d([v()],E.prototype,"failure",2),d([v()],E.prototype,"moreError",2),d([v()],E.prototype,"roomNames",2),d([v()],E.prototype,"announcement",2),d([v()],E.prototype,"recordingDraft",2),E=d([D("meet-activity")],E);var ii=["video/webm;codecs=h264,opus","video/webm;codecs=vp9,opus","video/webm;codecs=vp8,opus","video/webm"],ri=2e3,Wi=5,Yi=o=>new Promise(r=>setTimeout(r,o));function si(){return typeof MediaRecorder>"u"?"":ii.find(o=>MediaRecorder.isTypeSupported(o))??""}var A=class extends M{constructor(){super(...arguments);this.roomId="";this.stream=null;this.hideRecordingsButton=!1;this.privateViewers="users";this.me=null;this.roomRecording=null;this.phase="idle";this.now=Date.now();this.notice=null;this.announcement="";this.progress={sentChunks:0,totalChunks:0,sentBytes:0,totalBytes:0};this.panelOpen=!1;this.liveError="";this.previewStream=null;this.capture=null;this.sse=null;this.generation=0;this.clockSkew=0;this.onBeforeUnload=e=>{this.capture&&!this.capture.dead&&!(this.capture.stopped&&this.capture.finalAcked)&&(e.preventDefault(),e.returnValue=this.t.leaveWarning)};this.onOnline=()=>{this.capture?.paused&&this.retryUpload()}}connectedCallback(){super.connectedCallback(),window.addEventListener("beforeunload",this.onBeforeUnload),window.addEventListener("online",this.onOnline),this.hasUpdated&&this.connect()}disconnectedCallback(){super.disconnectedCallback();let e=this.capture;e&&!e.stopped&&!e.dead&&(e.stopByUs=!0,this.stopRecorder(e)),window.removeEventListener("beforeunload",this.onBeforeUnload),window.removeEventListener("online",this.onOnline),this.generation++,this.sse?.stop(),this.sse=null,clearInterval(this.ticker)}updated(e){(e.has("roomId")||e.has("token")&&!this.tokenRenewed(e)||e.has("baseUrl"))&&this.connect(),e.has("previewStream")&&this.previewEl&&(this.previewEl.srcObject=this.previewStream)}get currentRoomId(){return this.roomId.trim()||this.me?.room?.roomId||""}get tokenRoomId(){return this.currentRoomId}async connect(){let e=++this.generation;if(this.sse?.stop(),this.sse=null,this.liveError="",!this.roomId.trim()&&!this.token)return;try{let s=await this.api.me(this.roomId.trim()||void 0);if(e!==this.generation)return;this.me=s}catch(s){if(e!==this.generation)return;this.me=null,this.liveError=this.report(s,"permissions")}let t=this.currentRoomId;if(!t)return;let i=new se({url:()=>this.api.url(`/rooms/${encodeURIComponent(t)}/recording/events`),headers:()=>this.api.headers({Accept:"text/event-stream"}),onOpen:s=>this.measureSkew(s),onMessage:s=>{let n={};try{n=JSON.parse(s.data)}catch{return}this.liveError="",this.onRoomRecording(n.recording??null,s.event)},onFatal:s=>{(async()=>{if(s.status===401&&this.sse===i&&await this.renewAfterRefusal(this.token)){this.sse===i&&i.start();return}this.sse===i&&(this.liveError=this.report(s,"live-updates"))})()}});this.sse=i,i.start()}onRoomRecording(e,t){let i=e&&(e.status==="starting"||e.status==="active"),s=this.roomRecording,n=!!s&&(s.status==="starting"||s.status==="active");t==="state"?this.roomRecording=i?e:null:e&&(i?this.roomRecording=e:(!s||s.recordingId===e.recordingId)&&(this.roomRecording=null));let a=!!this.roomRecording;if(a&&!n){this.announcement=this.t.recordingStartedAnnounce,this.startTicker();let h=this.capture?.recordingId===this.roomRecording.recordingId||this.phase==="starting";h||this.emit("meet-recording-started",{recordingId:this.roomRecording.recordingId,roomId:this.roomRecording.roomId,startDate:this.roomRecording.startDate,local:h})}else!a&&n&&(this.announcement=this.t.recordingStoppedAnnounce,clearInterval(this.ticker),this.emit("meet-recording-stopped",{recordingId:s.recordingId,roomId:s.roomId,status:e?.status??"ending",local:this.capture?.recordingId===s.recordingId}));let c=this.capture;c&&e&&e.recordingId===c.recordingId&&!c.stopped&&(e.status==="ending"||e.status==="complete"||e.status==="limit_reached"?(c.stopByUs||(this.notice={kind:"warning",message:this.t.stoppedElsewhere}),this.stopRecorder(c)):(e.status==="failed"||e.status==="aborted")&&this.abandon(c,this.fill(this.t.recordingFailed,{message:e.error||e.status})))}measureSkew(e){let t=Date.parse(e.headers.get("Date")??"");if(Number.isNaN(t))return;let i=t+500-Date.now();this.clockSkew=Math.abs(i)>1e3?i:0}startTicker(){clearInterval(this.ticker),this.now=Date.now(),this.ticker=setInterval(()=>this.now=Date.now(),1e3)}async onStartClick(){if(this.notice=null,this.stream){await this.start(this.stream,!1);return}this.sourcesDialog.show()}async chooseSource(e){this.sourcesDialog.close();let t=this.t;if(typeof MediaRecorder>"u"||!navigator.mediaDevices){this.notice={kind:"error",message:t.unsupported};return}this.phase="acquiring";let i;try{i=e==="camera"?await navigator.mediaDevices.getUserMedia({video:{width:{ideal:1280},height:{ideal:720}},audio:!0}):await navigator.mediaDevices.getDisplayMedia({video:!0,audio:!0})}catch(s){this.phase="idle";let n=s?.name,a=s?.message||t.permissionDenied;n==="NotAllowedError"||n==="SecurityError"?a=e==="camera"?t.permissionDenied:t.captureCancelled:n==="NotFoundError"||n==="OverconstrainedError"?a=t.noDevice:n==="AbortError"&&(a=t.captureCancelled),this.notice={kind:"error",message:a},this.emit("meet-error",{action:"capture",status:0,error:n||"Error",message:a});return}await this.start(i,!0)}async start(e,t){let i=this.t,s=()=>{if(t)for(let u of e.getTracks())u.stop()},n=si();if(typeof MediaRecorder>"u"){this.notice={kind:"error",message:i.unsupported},s();return}let a=this.currentRoomId;this.phase="starting";let c;try{c=await this.api.startRecording(a)}catch(u){s(),this.phase="idle";let f;u instanceof w&&u.status===403?f=this.report(u,"start",i.startRefused403):u instanceof w&&u.status===409?(this.report(u,"start"),f=i.startRefused409):f=this.report(u,"start"),this.notice={kind:"error",message:f};return}let h;try{h=new MediaRecorder(e,n?{mimeType:n}:void 0)}catch(u){s(),this.phase="idle",this.notice={kind:"error",message:u?.message||i.unsupported},this.api.stopRecording(c.recordingId).catch(()=>{});return}let m={recordingId:c.recordingId,roomId:a,recorder:h,stream:e,ownStream:t,mimeType:h.mimeType||n,queue:[],lastSent:null,nextSeq:0,stopped:!1,finalAcked:!1,stopByUs:!1,stopRequested:!1,pumping:!1,paused:!1,dead:!1,sentChunks:0,totalChunks:0,sentBytes:0,totalBytes:0};this.capture=m,this.progress={sentChunks:0,totalChunks:0,sentBytes:0,totalBytes:0},h.addEventListener("dataavailable",u=>{!u.data||u.data.size===0||m.dead||(m.queue.push({seq:m.nextSeq++,blob:u.data}),m.totalChunks+=1,m.totalBytes+=u.data.size,this.syncProgress(m),this.pump(m))}),h.addEventListener("stop",()=>{m.stopped=!0,m.dead||(this.phase="finishing"),this.pump(m)}),h.addEventListener("error",()=>{m.stopByUs=!0});for(let u of e.getTracks())u.addEventListener("ended",()=>{this.capture===m&&!m.stopped&&e.getTracks().every(f=>f.readyState==="ended")&&this.stop()});h.start(ri),this.previewStream=t&&e.getVideoTracks().length?e:null,this.phase="recording",this.roomRecording||(this.roomRecording=c,this.announcement=i.recordingStartedAnnounce,this.startTicker()),this.emit("meet-recording-started",{recordingId:c.recordingId,roomId:a,startDate:c.startDate,local:!0,mimeType:m.mimeType})}async stop(){let e=this.capture;if(e&&!e.stopped&&!e.dead){e.stopByUs=!0,this.phase="stopping",this.stopRecorder(e);return}let t=this.roomRecording;if(t){this.phase="stopping";try{await this.api.stopRecording(t.recordingId)}catch(i){i instanceof w&&i.status===409||(this.notice={kind:"error",message:this.report(i,"stop")})}finally{this.phase="idle"}}}stopRecorder(e){if(e.stopRequested)return;e.stopRequested=!0;let t=()=>{e.stopped=!0,this.pump(e)};if(e.recorder.state!=="inactive")try{e.recorder.stop()}catch{t()}else e.stopped||t();this.releaseStream(e)}releaseStream(e){if(e.ownStream){let t=()=>e.stream.getTracks().forEach(i=>i.stop());e.recorder.state==="inactive"?t():e.recorder.addEventListener("stop",t,{once:!0})}this.previewStream=null}abandon(e,t){if(e.dead=!0,e.queue=[],e.recorder.state!=="inactive")try{e.recorder.stop()}catch{}this.releaseStream(e),this.notice={kind:"error",message:t},this.phase="idle",this.capture=null}async pump(e){if(!(e.pumping||e.paused||e.dead)){e.pumping=!0;try{for(;;){if(e.dead)return;let t=e.queue[0],i=!1;if(t)i=e.stopped&&e.queue.length===1;else{if(!e.stopped||e.finalAcked)break;if(!e.lastSent){e.finalAcked=!0;break}t=e.lastSent,e.queue.push(t),i=!0}try{await this.send(e,t,i)}catch(s){if(e.dead)return;if(s instanceof w&&s.isTransient)e.paused=!0,this.notice={kind:"warning",message:this.fill(this.t.uploadPaused,{count:e.queue.length}),retry:!0},this.emit("meet-error",{action:"upload",status:s.status,error:s.error||"Network",message:this.describe(s)});else{let n=this.fill(this.t.uploadFailed,{message:this.report(s,"upload")});this.abandon(e,n)}return}e.queue.shift(),i?e.finalAcked=!0:(e.sentChunks+=1,e.sentBytes+=t.blob.size),e.lastSent=t,this.syncProgress(e,i)}}finally{e.pumping=!1}e.stopped&&e.finalAcked&&!e.dead&&await this.finish(e)}}async send(e,t,i){let s=0;for(;;)try{(await this.api.uploadChunk(e.recordingId,t.seq,t.blob,i)).status==="ending"&&!e.stopped&&!e.stopByUs&&(this.notice={kind:"warning",message:this.t.stoppedElsewhere},this.stopRecorder(e));return}catch(n){let a=n instanceof w&&n.isTransient;if(s+=1,!a||s>=Wi||(await Yi(Math.min(16e3,1e3*2**(s-1))*(.8+Math.random()*.4)),e.dead))throw n;if(!i&&await this.arrived(e,t.seq))return}}async arrived(e,t){try{return(await this.api.chunks(e.recordingId)).received.includes(t)}catch{return!1}}retryUpload(){let e=this.capture;!e||!e.paused||(e.paused=!1,this.notice=null,(async()=>{try{let t=await this.api.chunks(e.recordingId),i=new Set(t.received);e.queue=e.queue.filter((s,n)=>!i.has(s.seq)||e.stopped&&n===e.queue.length-1)}catch{}this.pump(e)})())}async finish(e){if(this.capture===e){if(e.stopByUs)try{await this.api.stopRecording(e.recordingId)}catch(t){t instanceof w&&t.status===409||(this.notice={kind:"error",message:this.report(t,"stop")})}if(this.capture=null,this.phase="idle",!e.totalChunks)this.notice={kind:"warning",message:this.t.nothingRecorded};else if(!this.notice||this.notice.kind==="success"){let t=this.me&&!this.me.permissions.retrieve?this.t.savedForAdmins:this.t.saved;this.notice={kind:"success",message:t}}this.roomRecording?.recordingId===e.recordingId&&(this.roomRecording=null,clearInterval(this.ticker),this.announcement=this.t.recordingStoppedAnnounce,this.emit("meet-recording-stopped",{recordingId:e.recordingId,roomId:e.roomId,status:"ending",local:!0}))}}syncProgress(e,t=!1){this.progress={sentChunks:e.sentChunks,totalChunks:e.totalChunks,sentBytes:e.sentBytes,totalBytes:e.totalBytes},this.emit("meet-upload-progress",{recordingId:e.recordingId,...this.progress,pendingChunks:e.queue.length,final:t})}renderIndicator(){let e=this.t,t=this.roomRecording;if(!t)return this.me?l`<span class="indicator idle" part="indicator"><span class="dot" aria-hidden="true"></span>${e.notRecording}</span>`:p;let i=t.startDate?Math.max(0,(this.now+this.clockSkew-t.startDate)/1e3):0,s=te(i);return l`<span class="indicator" part="indicator" title=${e.recordingRunning}>
      <span class="dot" aria-hidden="true"></span>
      <span aria-hidden="true">${e.rec}</span>
      <span class="sr-only">${e.recordingRunning}</span>
      <time part="elapsed" datetime=${`PT${Math.floor(i)}S`}>${s}</time>
    </span>`}renderSub(){let e=this.t,t=this.me?.room;if(!this.capture&&this.me?.principal.role==="moderator"&&t&&!t.recordingEnabled)return l`<span class="sub" part="upload-status"><span>${e.recordingDisabled}</span></span>`;let i=this.progress,s=this.capture;return this.phase==="finishing"||this.phase==="stopping"?l`<span class="sub" part="upload-status"
        ><span class="spinner" aria-hidden="true"></span><span>${e.finishing}</span></span
      >`:s&&i.totalChunks?l`<span class="sub" part="upload-status">${g("upload")}<span
          >${this.fill(e.uploading,{sent:i.sentChunks,total:i.totalChunks,bytes:K(i.sentBytes,this.locale)})}</span
        ></span>`:p}renderButtons(){let e=this.t,t=!!this.me?.permissions.record,i=!!this.roomRecording||!!this.capture,s=this.phase==="acquiring"||this.phase==="starting"||this.phase==="stopping",n=this.phase==="finishing",a=p;return t&&(i||this.phase==="stopping"||n?a=l`<button
          class="danger"
          part="stop-button"
          ?disabled=${s||n}
          @click=${()=>this.stop()}
        >
          ${this.phase==="stopping"||n?l`<span class="spinner" aria-hidden="true"></span>${e.stopping}`:l`${g("stop")} ${e.stopRecording}`}
        </button>`:a=l`<button class="primary start" part="start-button" ?disabled=${s} @click=${this.onStartClick}>
          ${s?l`<span class="spinner" aria-hidden="true"></span>${e.starting}`:l`<span class="rec-icon">${g("record")}</span> ${e.startRecording}`}
        </button>`),l`<div class="buttons">
      ${a}
      ${this.hideRecordingsButton?p:l`<button part="recordings-button" aria-haspopup="dialog" @click=${this.openPanel}>
            ${g("library")} ${e.openRecordings}
          </button>`}
    </div>`}async openPanel(){this.panelOpen=!0,await this.updateComplete,this.panel.show()}render(){let e=this.t,t=this.progress,i=t.totalBytes?Math.round(t.sentBytes/t.totalBytes*100):0,s=this.notice;return l`
      <div class="bar" part="bar">
        <div class="state">
          ${this.previewStream?l`<video class="preview" part="preview" muted autoplay playsinline aria-label=${e.preview}></video>`:p}
          ${this.renderIndicator()} ${this.renderSub()}
        </div>
        ${this.renderButtons()}
      </div>
      ${this.phase==="finishing"&&t.totalBytes?l`<progress part="progress" aria-label=${e.finishing} max="100" .value=${i}></progress>`:p}
      ${s?l`<div class="notice ${s.kind}" part="notice" role=${s.kind==="success"?"status":"alert"}>
            ${g(s.kind==="success"?"check":"warning")}
            <div class="grow">
              <p>
                ${s.retry&&this.capture?this.fill(e.uploadPaused,{count:this.capture.queue.length}):s.message}
              </p>
              ${s.retry?l`<button class="primary" part="retry-button" @click=${()=>this.retryUpload()}>
                    ${g("refresh")} ${e.retryUpload}
                  </button>`:p}
            </div>
            <button class="icon ghost" aria-label=${e.close} @click=${()=>this.notice=null}>${g("close")}</button>
          </div>`:p}
      ${this.liveError?l`<div class="notice warning" role="status">${g("warning")}<p>${this.liveError}</p></div>`:p}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>

      <meet-dialog class="sources-dialog" .heading=${e.chooseSource} .closeLabel=${e.close} theme=${this.theme}>
        <div class="sources">
          <button part="source-camera" @click=${()=>this.chooseSource("camera")} data-autofocus>
            ${g("camera")}<span>${e.sourceCamera}<small>${e.sourceCameraHint}</small></span>
          </button>
          <button part="source-screen" @click=${()=>this.chooseSource("screen")}>
            ${g("screen")}<span>${e.sourceScreen}<small>${e.sourceScreenHint}</small></span>
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
        ${this.panelOpen?l`<meet-recordings
              part="recordings"
              mode="room"
              room-id=${this.currentRoomId}
              .baseUrl=${this.baseUrl}
              .token=${this.token}
              .labels=${this.labels}
              theme=${this.theme}
              private-viewers=${this.privateViewers}
              page-size="10"
            ></meet-recordings>`:p}
      </meet-dialog>
    `}};A.styles=[N,z,S`
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
    `],d([y({attribute:"room-id",reflect:!0})],A.prototype,"roomId",2),d([y({attribute:!1})],A.prototype,"stream",2),d([y({type:Boolean,attribute:"hide-recordings-button",reflect:!0})],A.prototype,"hideRecordingsButton",2),d([y({attribute:"private-viewers",reflect:!0})],A.prototype,"privateViewers",2),d([v()],A.prototype,"me",2),d([v()],A.prototype,"roomRecording",2),d([v()],A.prototype,"phase",2),d([v()],A.prototype,"now",2),d([v()],A.prototype,"notice",2),d([v()],A.prototype,"announcement",2),d([v()],A.prototype,"progress",2),d([v()],A.prototype,"panelOpen",2),d([v()],A.prototype,"liveError",2),d([v()],A.prototype,"previewStream",2),d([T("meet-dialog.sources-dialog")],A.prototype,"sourcesDialog",2),d([T("meet-dialog.panel")],A.prototype,"panel",2),d([T("video.preview")],A.prototype,"previewEl",2),A=d([D("meet-recording-controls")],A);var Ue=["auto","light","dark"],ai="meet-embed-theme",Gi="meet-recordings, meet-recording-player, meet-recording-controls, meet-rooms, meet-activity";function st(){try{let o=localStorage.getItem(ai);return Ue.includes(o??"")?o:"auto"}catch{return"auto"}}function ot(o){let r=document.documentElement;o==="auto"?r.removeAttribute("data-theme"):r.setAttribute("data-theme",o);for(let e of document.querySelectorAll(Gi))e.setAttribute("theme",o);for(let e of document.querySelectorAll("[data-theme-switch]")){let t=e.dataset[`label${o[0].toUpperCase()}${o.slice(1)}`]??o;e.dataset.current=o,e.setAttribute("aria-label",t),e.title=t;let i=e.querySelector("[data-theme-label]");i&&(i.textContent=t)}}var li=["recordings","rooms","activity"],nt=["roomId","recordingId","action","actorKind"];function rt(o){let r=o.searchParams.get("view")??"";return li.includes(r)?r:"recordings"}function oi(o){let r={};for(let e of nt)r[e]=(o.searchParams.get(e)??"").trim();return r}function Qi(){let o=document.querySelector("[data-console-nav]"),r=o?.querySelector("a[data-console-view]");if(!o||!r)return;let e=new URL(r.href).pathname,t=rt(new URL(location.href)),i=!1,s=f=>document.querySelector(`[data-console-panel="${f}"]`),n=()=>s("recordings")?.querySelector("meet-recordings")??null,a=()=>s("rooms")?.querySelector("meet-rooms")??null,c=()=>s("activity")?.querySelector("meet-activity")??null;function h(f){let b=s(f)?.querySelector("template[data-console-lazy]");return b?(b.replaceWith(document.importNode(b.content,!0)),ot(st()),!0):!1}function m(f,b){let $=new URL(e,location.href);if(f!=="recordings"&&$.searchParams.set("view",f),f==="activity"&&b)for(let _ of nt)b[_]&&$.searchParams.set(_,b[_]);return $.pathname+$.search}function u(f,b){let $=f!==t;t=f;for(let I of o.querySelectorAll("a[data-console-view]"))I.dataset.consoleView===f?I.setAttribute("aria-current","page"):I.removeAttribute("aria-current");for(let I of li){let Y=s(I);Y&&(Y.hidden=I!==f)}let _=h(f);if(f==="activity"){let I=c(),Y=b.filters,di=!!I&&!!Y&&nt.some(at=>I[at]!==Y[at]);I&&Y&&di?Object.assign(I,Y):I&&$&&!_&&I.reload()}else if($&&!_)if(f==="recordings"){let I=n();i?I?.reload():I?.refresh(),i=!1}else a()?.reload();f==="recordings"&&_&&(i=!1);let U=s(f);U?.dataset.title&&(document.title=U.dataset.title),b.push&&history.pushState(null,"",m(f,f==="activity"?c()?.filters:void 0)),b.focus&&U?.querySelector("h1")?.focus()}document.addEventListener("click",f=>{if(f.defaultPrevented||f.button!==0||f.metaKey||f.ctrlKey||f.shiftKey||f.altKey)return;let b=f.composedPath().find(U=>U instanceof HTMLAnchorElement);if(!b?.href||b.target&&b.target!=="_self"||b.hasAttribute("download"))return;let $=new URL(b.href,location.href);if($.origin!==location.origin||$.pathname!==e)return;f.preventDefault();let _=b.hasAttribute("data-console-view");u(rt($),{push:!0,focus:!0,filters:_?void 0:oi($)})}),window.addEventListener("popstate",()=>{let f=new URL(location.href);u(rt(f),{filters:oi(f)})}),document.addEventListener("meet-activity-filters-changed",f=>{if(t!=="activity")return;let b=f.detail;history.replaceState(null,"",m("activity",b))});for(let f of["meet-room-created","meet-room-updated","meet-room-deleted"])document.addEventListener(f,()=>{i=!0})}function Zi(){if(window.top===window.self)return!1;try{return window.top?.location.origin!==location.origin}catch{return!0}}function Ji(){let o=document.querySelector("[data-autofocus]");o&&!Zi()&&o.focus()}function ni(){if(document.documentElement.hasAttribute("data-meet-page")){ot(st()),Ji(),Qi();for(let o of document.querySelectorAll("[data-theme-switch]"))o.hidden=!1,o.addEventListener("click",()=>{let r=Ue[(Ue.indexOf(st())+1)%Ue.length];try{localStorage.setItem(ai,r)}catch{}ot(r)})}}document.readyState==="loading"?document.addEventListener("DOMContentLoaded",ni,{once:!0}):ni();export{w as ApiError,kt as DEFAULT_LABELS,ii as MIME_TYPES,E as MeetActivity,ue as MeetApi,F as MeetDialog,A as MeetRecordingControls,R as MeetRecordingPlayer,k as MeetRecordings,x as MeetRooms,C as MeetShareDialog,se as SseClient,He as SseParser,ri as TIMESLICE_MS,wt as defaultBaseUrl,si as pickMimeType};
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
lit-html/directives/live.js:
  (**
   * @license
   * Copyright 2020 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)
*/
//# sourceMappingURL=meet-embed.js.map
